using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Analyze;

/// <summary>`analyze debug-overlay &lt;video&gt; --out &lt;dir&gt;`: every n-th analysed frame with the vehicle boxes found (blue: the detector's, or the motion blobs with --motion-blobs), tracks (green) and smoke regions (red) drawn on it, its pixel classes (c*.png) and the background it was compared with (b*.png).</summary>
internal static class DebugCommand
{
    public static async Task<int> RunAsync(string video, CliOptions options)
    {
        var outDir = options.Text("--out") ?? throw new UsageException("--out <dir> is required");
        var every = (int)options.Number("--every", 5, 1, 1000);
        Directory.CreateDirectory(outDir);
        var source = await SourceStream.ProbeAsync(video, default);
        var (w, h) = source.DetectSize();
        await using var frames = new FfmpegFrameSource(new FfmpegSourceOptions { Address = SourceAddress.Parse(video), Width = w, Height = h, Fps = options.Number("--detect-fps", 10, 1, 60) });
        using var smoke = options.Text("--model") is { } m ? Vision.Smoke.FastTreeSmokeClassifier.Load(m) : null;
        using var vehicles = Components.LoadVehicleDetector(options);
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), smoke, null, vehicleDetector: vehicles);
        await foreach (var frame in frames.ReadFramesAsync(default))
        {
            using (frame)
            {
                foreach (var c in analyzer.Process(frame)) { Console.WriteLine($"capture track {c.TrackId} L{c.Ringelmann} score {c.SmokeScore:0.00} frames {c.FirstFrame}-{c.LastFrame}"); c.Dispose(); }
                if (frame.Index % every != 0) continue;
                var o = analyzer.LastOverlay;
                foreach (var b in analyzer.LastBlobs) Cv2.Rectangle(frame.Image, b, Scalar.DeepSkyBlue, 1);
                foreach (var t in o.Tracks)
                {
                    Cv2.Rectangle(frame.Image, t.Box, Scalar.Lime, 2);
                    Cv2.PutText(frame.Image, $"{t.TrackId} {t.Class} {t.SmokeScore:0.00}", new Point(t.Box.X + 3, t.Box.Y + 18), HersheyFonts.HersheySimplex, 0.6, Scalar.Yellow, 2);
                    if (t.SmokeBox is { } s) Cv2.Rectangle(frame.Image, s, Scalar.Red, 1);
                }
                Cv2.ImWrite(Path.Combine(outDir, $"f{frame.Index:0000}.jpg"), frame.Image);
                using var classes = analyzer.RenderPixelClasses();
                if (!classes.Empty()) Cv2.ImWrite(Path.Combine(outDir, $"c{frame.Index:0000}.png"), classes);
                using var background = analyzer.RenderBackground();
                if (!background.Empty()) Cv2.ImWrite(Path.Combine(outDir, $"b{frame.Index:0000}.png"), background);
            }
        }
        foreach (var c in analyzer.Complete()) { Console.WriteLine($"capture track {c.TrackId} L{c.Ringelmann} score {c.SmokeScore:0.00} frames {c.FirstFrame}-{c.LastFrame}"); c.Dispose(); }
        Console.WriteLine($"vehicles {analyzer.VehiclesSeen}");
        return 0;
    }
}

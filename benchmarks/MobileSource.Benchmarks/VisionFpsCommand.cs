using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using MobileSource.Vision.Video;

namespace MobileSource.Benchmarks;

/// <summary>
/// vision-fps: the stream analyzer's frames per second on one thread at the video's size (decoded into memory first,
/// so decoding is not counted; the learned vehicle detector unless --motion-blobs), ffmpeg's own decode cost per frame (-threads 1, its -benchmark user time), and the number
/// of cameras at 10 detect fps the machine's cores sustain from both.
/// </summary>
internal static class VisionFpsCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var video = options.Text("video") ?? throw new ArgumentException("--video <file.mp4> is required (e.g. a 1280x720 hardware-sim scene)");
        var frames = options.Number("frames", 120);
        var passes = options.Number("passes", 3);
        var plates = options.Flag("plates");
        var motionBlobs = options.Flag("motion-blobs");
        var decoded = new List<VideoFrame>();
        await using (var source = new FfmpegFrameSource(new FfmpegSourceOptions { Address = SourceAddress.Parse(video), Width = 1280, Height = 720, Fps = 10 }))
        {
            await foreach (var f in source.ReadFramesAsync(default))
            {
                decoded.Add(f);
                if (decoded.Count >= frames) break;
            }
        }
        // --model: another smoke model folder's (e.g. one trained without the smoke patch network) for comparison.
        using var model = FastTreeSmokeClassifier.Load(options.Text("model"));
        using var vehicles = motionBlobs ? null : VehicleDetectorModel.Load(VehicleDetectorModel.DefaultPath);
        using var ocr = plates ? new PpOcrModels() : null;
        // Plates as deployed: both home priors and the province glyph classifier.
        using var glyphs = ocr is null ? null : ProvinceGlyphModel.Load(ProvinceGlyphModel.DefaultPath);
        var reader = ocr is null ? null : new PlateReader(ocr, recognizer: new PpOcrRecognizer(ocr, PlateReader.DefaultHomeProvince, PlateReader.DefaultHomeProvinceWeight,
            PlateReader.DefaultHomeCity, PlateReader.DefaultHomeCityWeight, glyphs, PlateReader.DefaultGlyphWeight));
        var times = new List<double>();
        var captures = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), model, reader, vehicleDetector: vehicles);
            var watch = Stopwatch.StartNew();
            foreach (var f in decoded)
                foreach (var c in analyzer.Process(f)) { captures++; c.Dispose(); }
            foreach (var c in analyzer.Complete()) { captures++; c.Dispose(); }
            times.Add(watch.Elapsed.TotalSeconds);
        }
        var best = times.Min();
        var analysisFps = decoded.Count / best;
        var decodeMs = DecodeMillisecondsPerFrame(video, decoded.Count);
        var perFrameMs = 1000.0 / analysisFps + decodeMs;
        var cameras = (int)Math.Floor(Environment.ProcessorCount * 1000.0 / perFrameMs / 10.0);
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"video: {video}, {decoded.Count} frames 1280x720 at 10 detect fps, {passes} passes (best counted), plates {(plates ? "read" : "off")}, vehicles by {(motionBlobs ? "motion blobs" : "the learned detector")}, {captures / passes} captures per pass");
        Console.WriteLine($"analysis: {analysisFps:0.0} frames/s on one thread ({1000.0 / analysisFps:0.0} ms/frame); passes {string.Join(", ", times.Select(t => $"{t:0.00} s"))}");
        Console.WriteLine($"ffmpeg decode + scale (-threads 1): {decodeMs:0.0} ms CPU per detect frame");
        Console.WriteLine($"cameras at 10 detect fps on {Environment.ProcessorCount} cores: {cameras} ({perFrameMs:0.0} ms CPU per frame incl. decode)");
        foreach (var f in decoded) f.Dispose();
        return 0;
    }

    private static double DecodeMillisecondsPerFrame(string video, int frames)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-benchmark", "-threads", "1", "-i", video, "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
                     "-vf", "fps=10,scale=1280:720", "-pix_fmt", "bgr24", "-f", "rawvideo", "-y", "/dev/null" })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var m = Regex.Match(stderr, @"utime=(?<u>[0-9.]+)s\s+stime=(?<s>[0-9.]+)s");
        if (!m.Success) return double.NaN;
        var cpu = double.Parse(m.Groups["u"].Value, CultureInfo.InvariantCulture) + double.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        return cpu * 1000.0 / frames;
    }
}

using System.Diagnostics;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Video;

namespace MobileSource.Analyze;

/// <summary>One capture as the CLI reports it; frames are the source video's own frame numbers.</summary>
internal sealed record CaptureResult(string? Plate, double? PlateConfidence, string? PlateColour, double Ringelmann,
    double SmokeScore, long FirstFrame, long LastFrame, string VehicleClass, TimeSpan FirstTime, TimeSpan LastTime,
    OpenCvSharp.Rect VehicleBox, int FrameWidth, TimeSpan VehicleTime, int MeasuredFrames, int PositiveFrames);

/// <param name="DetectWidth">The width frames were analysed at: boxes in captures and observations are in these pixels.</param>
internal sealed record VideoResult(IReadOnlyList<CaptureResult> Captures, int Vehicles, int DetectFrames, TimeSpan Elapsed, int DetectWidth);

/// <summary>A video file through ffmpeg (FfmpegFrameSource) into a <see cref="StreamAnalyzer"/>.</summary>
internal static class VideoRun
{
    public static async Task<VideoResult> RunAsync(string path, double detectFps, StreamAnalyzerOptions options,
        ISmokeClassifier? classifier, IPlateReader? plates, Action<SmokeObservation>? observer = null, CancellationToken ct = default,
        int maxDetectWidth = SourceStream.DefaultMaxDetectWidth, IVehicleDetector? vehicleDetector = null, SmokePatchModel? patchModel = null)
    {
        var source = await SourceStream.ProbeAsync(path, ct);
        var (width, height) = source.DetectSize(maxDetectWidth);
        await using var frames = new FfmpegFrameSource(new FfmpegSourceOptions
        {
            Address = SourceAddress.Parse(path),
            Width = width,
            Height = height,
            Fps = detectFps,
        });
        using var analyzer = new StreamAnalyzer(options, classifier, plates, observer, vehicleDetector, patchModel);
        var captures = new List<CaptureResult>();
        var watch = Stopwatch.StartNew();
        var count = 0;
        await foreach (var frame in frames.ReadFramesAsync(ct))
        {
            using (frame)
            {
                Collect(analyzer.Process(frame), source, captures, width);
                count++;
            }
        }
        Collect(analyzer.Complete(), source, captures, width);
        return new VideoResult(captures, analyzer.VehiclesSeen, count, watch.Elapsed, width);
    }

    private static void Collect(IReadOnlyList<SmokeCapture> decided, SourceStream source, List<CaptureResult> into, int width)
    {
        foreach (var c in decided)
        {
            using (c)
            {
                into.Add(new CaptureResult(c.Plate?.Text, c.Plate?.Confidence, c.Plate?.Colour.ToString(), c.Ringelmann,
                    Math.Round(c.SmokeScore, 3), source.FrameAt(c.FirstSourceTime), source.FrameAt(c.LastSourceTime),
                    c.VehicleClass.ToString(), c.FirstSourceTime, c.LastSourceTime, c.VehicleBox, width, c.VehicleSourceTime, c.MeasuredFrames, c.PositiveFrames));
            }
        }
    }
}

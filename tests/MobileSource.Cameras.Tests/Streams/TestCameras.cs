using MobileSource.Cameras.Captures;
using MobileSource.Cameras.Streams;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging.Abstractions;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>Builds runners the way the host does, with test folders and quick timeouts.</summary>
public static class TestCameras
{
    public static CameraHostOptions Host(string root) => new()
    {
        RecordingRoot = Path.Combine(root, "recordings"),
        StagingRoot = Path.Combine(root, "staging"),
        SegmentSeconds = 1,
    };

    public static CameraOptions Camera(string id, string source, Action<CameraOptions>? configure = null)
    {
        var camera = new CameraOptions
        {
            Id = id,
            Source = source,
            Site = "G107 test site",
            Lane = "1",
            DetectWidth = 320,
            DetectHeight = 180,
            DetectFps = 10,
            // Generous for a machine shared with parallel builds: a slow start must not read as a stall.
            StallTimeout = TimeSpan.FromSeconds(10),
            IoTimeout = TimeSpan.FromSeconds(4),
            InitialBackoff = TimeSpan.FromMilliseconds(300),
            MaxBackoff = TimeSpan.FromSeconds(1),
            Record = false,
        };
        configure?.Invoke(camera);
        return camera;
    }

    public static CameraRunner Runner(CameraOptions camera, CameraHostOptions host, IStreamAnalyzer? analyzer = null, ICaptureSink? sink = null)
    {
        var evidence = new EvidenceStager(host, new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance));
        return new CameraRunner(camera, host, _ => analyzer ?? new ScriptedAnalyzer(), sink ?? new RecordingSink(), evidence,
            NullLogger.Instance);
    }

    public static string Describe(CameraRunner runner) => runner.Status.ToString();

    /// <summary>
    /// Frames per second the analyzer receives once past ffmpeg's start-up burst (it holds the first frames while
    /// analysing the stream): 10 frames in, then the rate over the next 20.
    /// </summary>
    public static async Task<double> SteadyFpsAsync(CameraRunner runner, ScriptedAnalyzer analyzer, TimeSpan wait)
    {
        await Poll.UntilAsync(() => analyzer.Frames.Count >= 10, wait, () => Describe(runner));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = analyzer.Frames.Count;
        await Poll.UntilAsync(() => analyzer.Frames.Count >= start + 20, wait, () => Describe(runner));
        return (analyzer.Frames.Count - start) / clock.Elapsed.TotalSeconds;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MobileSource.Cameras.Captures;
using MobileSource.Cameras.Streams;
using MobileSource.CameraLoad;
using Microsoft.Extensions.Logging.Abstractions;

// camera-load [--cameras 1] [--seconds 30] [--captures 3] [--source <video>] [--detect 1280x720] [--fps 10] [--no-record]
// Replays a 1080p25 H.264 source (generated once if --source is not given) live and in a loop through N real
// CameraRunners: ffmpeg decode + scale to the detect size + segment recording, the .NET reader (frame copy, freeze
// check, snapshot copy). Prints CPU per camera (ffmpeg and .NET separately) over the window, then hands over
// --captures captures per camera (one every 4 s) and prints the time from the deciding frame to the sink (post-roll wait + clip cut + staging).
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var cameras = Number("cameras", 1);
var seconds = Number("seconds", 30);
var fps = Number("fps", 10);
var detect = (options.GetValueOrDefault("detect") ?? "1280x720").Split('x').Select(int.Parse).ToArray();
var work = Directory.CreateTempSubdirectory("camera-load-").FullName;
var source = options.GetValueOrDefault("source") ?? await GenerateSourceAsync();

var host = new CameraHostOptions
{
    RecordingRoot = Path.Combine(work, "recordings"),
    StagingRoot = Path.Combine(work, "staging"),
    AnalysisQueue = 20,
};
var sink = new LatencySink();
var clips = new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance);
var runners = Enumerable.Range(1, cameras).Select(i => new CameraRunner(
    new CameraOptions
    {
        Id = $"load-{i}", Source = source, Site = "load", Lane = "1", DetectWidth = detect[0], DetectHeight = detect[1], DetectFps = fps,
        Loop = true, Record = !options.ContainsKey("no-record"),
    },
    host,
    // Captures decided after the CPU window (so clip work does not count in it), then every 4 s.
    _ => new TimedCaptureAnalyzer(first: (seconds + 8) * fps, interval: 4 * fps),
    sink, new EvidenceStager(host, clips), NullLogger.Instance)).ToList();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"source: {source}; {cameras} camera(s), detect {detect[0]}x{detect[1]} @ {fps} fps, recording {(options.ContainsKey("no-record") ? "off" : "on (stream copy)")}");
runners.ForEach(r => r.Start());
// Start-up (probe, connect, ffmpeg's first frames) is not steady state: every camera live, then 3 s more.
var liveBy = DateTime.UtcNow + TimeSpan.FromSeconds(60);
while (runners.Any(r => r.Status.State != CameraState.Live) && DateTime.UtcNow < liveBy)
{
    await Task.Delay(100);
}
await Task.Delay(TimeSpan.FromSeconds(3));

var self = Process.GetCurrentProcess();
var childrenBefore = ChildCpu.Sample();
var selfBefore = self.TotalProcessorTime;
var framesBefore = runners.Sum(r => r.Status.FramesReceived);
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var wall = clock.Elapsed.TotalSeconds;
self.Refresh();
var ffmpegCpu = ChildCpu.Between(childrenBefore, ChildCpu.Sample()).TotalSeconds;
var dotnetCpu = (self.TotalProcessorTime - selfBefore).TotalSeconds;
var frames = runners.Sum(r => r.Status.FramesReceived) - framesBefore;

foreach (var r in runners.Where(r => r.Status.Restarts > 0))
{
    Console.WriteLine($"warning: {r.Id} restarted {r.Status.Restarts} time(s), last error: {r.Status.LastError}");
}
Console.WriteLine($"window: {wall:0.0} s, frames {frames} ({frames / wall / cameras:0.0} fps per camera), dropped {runners.Sum(r => r.Status.DroppedFrames)}");
Console.WriteLine($"CPU per camera (% of one core): ffmpeg {100 * ffmpegCpu / wall / cameras:0.0} %, .NET reader {100 * dotnetCpu / wall / cameras:0.0} %, total {100 * (ffmpegCpu + dotnetCpu) / wall / cameras:0.0} %");

var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
var wanted = Number("captures", 3) * cameras;
while (sink.Latencies.Count < wanted && DateTime.UtcNow < deadline)
{
    await Task.Delay(200);
}
var latencies = sink.Latencies.OrderBy(l => l).ToList();
Console.WriteLine(latencies.Count == 0
    ? "no capture reached the sink within 90 s"
    : $"deciding frame -> sink: min {latencies[0].TotalSeconds:0.00} s, median {latencies[latencies.Count / 2].TotalSeconds:0.00} s, max {latencies[^1].TotalSeconds:0.00} s " +
      $"over {latencies.Count} capture(s); post-roll {host.ClipPostRoll.TotalSeconds} s, segments {host.SegmentSeconds} s; " +
      $"clip {sink.ClipSeconds.DefaultIfEmpty().Average():0.0} s long");
await Task.WhenAll(runners.Select(r => r.DisposeAsync().AsTask()));
Directory.Delete(work, recursive: true);
return 0;

async Task<string> GenerateSourceAsync()
{
    var path = Path.Combine(Path.GetTempPath(), "camera-load-source-1080p25.mp4");
    if (!File.Exists(path))
    {
        Console.WriteLine("generating a 20 s 1920x1080 25 fps H.264 source (once) ...");
        var info = new ProcessStartInfo("ffmpeg", ["-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25",
            "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p", "-b:v", "4M", path]);
        using var p = Process.Start(info)!;
        await p.WaitForExitAsync();
    }
    return path;
}

static string CpuModel() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";

internal sealed class LatencySink : ICaptureSink
{
    public ConcurrentBag<TimeSpan> Latencies { get; } = [];
    public ConcurrentBag<double> ClipSeconds { get; } = [];

    public Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        var latency = DateTimeOffset.UtcNow - evidence.CapturedAt;
        var clip = evidence.Files.FirstOrDefault(f => f.Kind == "clip");
        if (clip is not null)
        {
            var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", clip.Path]) { RedirectStandardOutput = true };
            using var p = Process.Start(info)!;
            ClipSeconds.Add(double.Parse(p.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture));
            p.WaitForExit();
        }
        Latencies.Add(latency);
        return Task.CompletedTask;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MobileSource.Cameras.Streams;
using MobileSource.CameraLoad;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// camera-load [--cameras 1] [--seconds 30] [--captures 3] [--source <video>] [--detect 1280x720] [--fps 10] [--no-record]
//             [--analyzer timed|real] [--handover 4] [--rabbitmq amqp://user:pass@host:5672/vhost]
// Replays a source (a generated 1080p25 H.264 testsrc2 if --source is not given) live and in a loop through N real
// CameraRunners: ffmpeg decode + scale to the detect size + segment recording, the .NET reader (frame copy, freeze
// check, snapshot copy) and the analyzer. Prints per camera the frames received and analyzed and dropped, and CPU
// (ffmpeg and .NET) over the window. Captures go the server's way: CaptureRecorder on SQLite (capture row and
// CaptureRecorded in the outbox, one transaction), the outbox dispatcher, a MassTransit bus (in memory; RabbitMQ with
// --rabbitmq or MOBILESOURCE_TEST_RABBITMQ) and a consumer; prints the time from the deciding frame to the sink and to
// CaptureRecorded consumed.
// --analyzer timed (default): no analysis; --captures captures per camera, one every 4 s, after the CPU window.
// --analyzer real: the camera host's StreamAnalyzer (smoke and OCR models from the build) on every frame; captures
//   are whatever it decides during the window, on a source with traffic (hardware-sim camera ... --out DIR).
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var cameras = Number("cameras", 1);
var seconds = Number("seconds", 30);
var fps = Number("fps", 10);
var detect = (options.GetValueOrDefault("detect") ?? "1280x720").Split('x').Select(int.Parse).ToArray();
var analyzerKind = options.GetValueOrDefault("analyzer") ?? "timed";
if (analyzerKind is not ("timed" or "real"))
{
    Console.Error.WriteLine($"--analyzer {analyzerKind}: use timed or real");
    return 2;
}
var real = analyzerKind == "real";
if (real && !options.ContainsKey("source"))
{
    Console.Error.WriteLine("--analyzer real needs --source: a video with traffic, e.g. from hardware-sim camera --seed 7 --vehicles 14 --width 1280 --height 720 --fps 10 --out DIR");
    return 2;
}
var rabbitMq = (options.GetValueOrDefault("rabbitmq") ?? Environment.GetEnvironmentVariable("MOBILESOURCE_TEST_RABBITMQ")) is { Length: > 0 } url
    ? new Uri(url)
    : null;
var work = Directory.CreateTempSubdirectory("camera-load-").FullName;
var source = options.GetValueOrDefault("source") ?? await GenerateSourceAsync();

var host = new CameraHostOptions
{
    RecordingRoot = Path.Combine(work, "recordings"),
    StagingRoot = Path.Combine(work, "staging"),
    AnalysisQueue = 20,
    HandOverConcurrency = Number("handover", 4),
};
await using var bus = await CaptureBus.StartAsync(work, rabbitMq);
var sink = new LatencySink(bus.Sink, bus.ClipPath);
using var analyzerFactory = new StreamAnalyzerFactory(Options.Create(host), NullLogger<StreamAnalyzerFactory>.Instance);
var analyzers = new Dictionary<string, CountingAnalyzer>();
IStreamAnalyzer NewAnalyzer(CameraOptions camera)
{
    // Timed captures are decided after the CPU window (so clip work does not count in it), then every 4 s.
    var analyzer = new CountingAnalyzer(real ? analyzerFactory.Create(camera) : new TimedCaptureAnalyzer(first: (seconds + 8) * fps, interval: 4 * fps));
    lock (analyzers)
    {
        analyzers[camera.Id] = analyzer;
    }
    return analyzer;
}
var clips = new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance);
var runners = Enumerable.Range(1, cameras).Select(i => new CameraRunner(
    new CameraOptions
    {
        Id = $"load-{i}", Source = source, Site = "load", Lane = "1", DetectWidth = detect[0], DetectHeight = detect[1], DetectFps = fps,
        Loop = true, Record = !options.ContainsKey("no-record"),
    },
    host, NewAnalyzer, sink, new EvidenceStager(host, clips), NullLogger.Instance)).ToList();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load {LoadAverage()}");
Console.WriteLine($"source: {source}; {cameras} camera(s), detect {detect[0]}x{detect[1]} @ {fps} fps, recording {(options.ContainsKey("no-record") ? "off" : "on (stream copy)")}, " +
                  $"analyzer {analyzerKind}, bus {(rabbitMq is null ? "in-memory" : $"RabbitMQ {rabbitMq.Host}:{rabbitMq.Port}")}");
runners.ForEach(r => r.Start());
// Start-up (probe, connect, ffmpeg's first frames, model loading) is not steady state: every camera live, then 3 s more.
var liveBy = DateTime.UtcNow + TimeSpan.FromSeconds(60);
while (runners.Any(r => r.Status.State != CameraState.Live) && DateTime.UtcNow < liveBy)
{
    await Task.Delay(100);
}
await Task.Delay(TimeSpan.FromSeconds(3));

var self = Process.GetCurrentProcess();
var childrenBefore = ChildCpu.Sample();
var selfBefore = self.TotalProcessorTime;
var before = runners.ToDictionary(r => r.Id, r => Snapshot(r));
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var wall = clock.Elapsed.TotalSeconds;
var after = runners.ToDictionary(r => r.Id, r => Snapshot(r));
self.Refresh();
var ffmpegByProcess = ChildCpu.PerProcess(childrenBefore, ChildCpu.Sample());
var ffmpegCpu = ffmpegByProcess.Sum(c => c.TotalSeconds);
var dotnetCpu = (self.TotalProcessorTime - selfBefore).TotalSeconds;

foreach (var r in runners.Where(r => r.Status.Restarts > 0))
{
    Console.WriteLine($"warning: {r.Id} restarted {r.Status.Restarts} time(s), last error: {r.Status.LastError}");
}
Console.WriteLine($"window: {wall:0.0} s");
foreach (var r in runners)
{
    var (b, a) = (before[r.Id], after[r.Id]);
    var analyzed = a.Analyzed - b.Analyzed;
    Console.WriteLine($"  {r.Id}: received {(a.Received - b.Received) / wall:0.0} fps, analyzed {analyzed / wall:0.0} fps (of {fps}), dropped {a.Dropped - b.Dropped} in the window " +
                      $"({a.Dropped} since start), analysis {(analyzed == 0 ? 0 : (a.Busy - b.Busy).TotalMilliseconds / analyzed):0.0} ms wall per frame, " +
                      $"vehicles {r.Status.VehiclesSeen}, captures decided {a.Decided}");
}
Console.WriteLine($"CPU per camera (% of one core): ffmpeg {100 * ffmpegCpu / wall / cameras:0.0} % " +
                  $"(each: {string.Join(", ", ffmpegByProcess.Select(c => $"{100 * c.TotalSeconds / wall:0.0}"))}), " +
                  $".NET {100 * dotnetCpu / wall / cameras:0.0} %, total {100 * (ffmpegCpu + dotnetCpu) / wall / cameras:0.0} %");

// Captures still waiting for their post-roll are handed over while the cameras keep running; those decided later
// are handed over when the cameras stop, their clips cut short, and are left out of the latency statistics.
var expected = real ? Decided() : Number("captures", 3) * cameras;
var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
while (sink.Latencies.Count < expected && DateTime.UtcNow < deadline)
{
    await Task.Delay(200);
}
sink.Stopping = true;
await Task.WhenAll(runners.Select(r => r.DisposeAsync().AsTask()));
var consumedBy = DateTime.UtcNow + TimeSpan.FromSeconds(30);
while (bus.Consumed.ById.Count < sink.Latencies.Count && DateTime.UtcNow < consumedBy)
{
    await Task.Delay(100);
}
Console.WriteLine($"load {LoadAverage()}");

// Statistics over the captures handed over while the cameras ran (full post-roll), not those flushed at the stop.
var running = sink.Latencies.Where(l => !sink.AtStop[l.Key]).ToDictionary(l => l.Key, l => l.Value);
var consumed = bus.Consumed.ById.Values.Where(c => running.ContainsKey(c.Message.CaptureId)).ToList();
Console.WriteLine($"captures: decided {Decided()}, at the sink {sink.Latencies.Count} ({sink.Latencies.Count - running.Count} of them when the cameras stopped), " +
                  $"CaptureRecorded consumed {bus.Consumed.ById.Count}; post-roll {host.ClipPostRoll.TotalSeconds} s, segments {host.SegmentSeconds} s, " +
                  $"hand-over concurrency {host.HandOverConcurrency}, clips {(sink.ClipSeconds.IsEmpty ? "none" : $"{sink.ClipSeconds.Min():0.0}-{sink.ClipSeconds.Max():0.0} s long")}");
Console.WriteLine($"deciding frame -> sink:                     {Stats(running.Values)}");
Console.WriteLine($"deciding frame -> CaptureRecorded consumed: {Stats(consumed.Select(c => c.ConsumedAtUtc - c.Message.CapturedAtUtc))}");
Console.WriteLine($"sink -> CaptureRecorded consumed:           " +
                  $"{Stats(consumed.Select(c => c.ConsumedAtUtc - c.Message.CapturedAtUtc - running[c.Message.CaptureId]))}");
await bus.DisposeAsync();
Directory.Delete(work, recursive: true);
return 0;

(long Received, long Dropped, long Analyzed, TimeSpan Busy, long Decided) Snapshot(CameraRunner runner)
{
    var status = runner.Status;
    CountingAnalyzer? analyzer;
    lock (analyzers)
    {
        analyzers.TryGetValue(runner.Id, out analyzer);
    }
    return (status.FramesReceived, status.DroppedFrames, analyzer?.Frames ?? 0, analyzer?.Busy ?? TimeSpan.Zero, analyzer?.Captures ?? 0);
}

long Decided()
{
    lock (analyzers)
    {
        return analyzers.Values.Sum(a => a.Captures);
    }
}

static string Stats(IEnumerable<TimeSpan> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0
        ? "none"
        : $"min {sorted[0].TotalSeconds:0.00} s, median {sorted[sorted.Count / 2].TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s over {sorted.Count}";
}

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

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MobileSource.Cameras.Captures;

namespace MobileSource.CameraLoad;

/// <summary>
/// Notes when each capture reaches the sink (against its deciding frame), passes it on to the recorder, then
/// measures the clip's length where the recorder stored it (so ffprobe does not delay the recording). Captures that
/// arrive once <see cref="Stopping"/> is set were handed over by a stopping camera, their clips cut short.
/// </summary>
internal sealed class LatencySink(ICaptureSink next, Func<CaptureEvidence, string> storedClip) : ICaptureSink
{
    public ConcurrentDictionary<Guid, TimeSpan> Latencies { get; } = new();
    public ConcurrentDictionary<Guid, bool> AtStop { get; } = new();
    public volatile bool Stopping;
    public ConcurrentBag<double> ClipSeconds { get; } = [];

    public async Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        Latencies[evidence.CaptureId] = DateTimeOffset.UtcNow - evidence.CapturedAt;
        AtStop[evidence.CaptureId] = Stopping;
        var hasClip = evidence.Files.Any(f => f.Kind == EvidenceKinds.Clip) && !Stopping;
        await next.AcceptAsync(evidence, ct);
        if (hasClip && File.Exists(storedClip(evidence)))
        {
            var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", storedClip(evidence)])
            {
                RedirectStandardOutput = true,
            };
            using var p = Process.Start(info)!;
            ClipSeconds.Add(double.Parse((await p.StandardOutput.ReadToEndAsync(ct)).Trim(), CultureInfo.InvariantCulture));
            await p.WaitForExitAsync(ct);
        }
    }
}

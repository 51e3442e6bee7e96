using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Cuts an evidence clip (MP4, stream copy) out of a camera's recorded segments: waits until the post-roll
/// has been recorded, concatenates the segments covering the window and trims to it with a second of
/// margin either side (segment names have one-second resolution; copy trims start on a key frame, earlier).
/// </summary>
public sealed class ClipCutter(TimeProvider time, ILogger<ClipCutter> logger, string ffmpegPath = "ffmpeg")
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>The clip written, or null when no segment covers the window (recording off or deleted).</summary>
    public async Task<string?> CutAsync(string recordingDirectory, DateTimeOffset from, DateTimeOffset to, string output,
        TimeSpan waitLimit, CancellationToken ct)
    {
        await WaitForPostRollAsync(recordingDirectory, to + Margin, waitLimit, ct);

        var segments = RecordedSegment.List(recordingDirectory);
        var covering = new List<RecordedSegment>();
        for (var i = 0; i < segments.Count; i++)
        {
            var end = i + 1 < segments.Count ? segments[i + 1].Start + Margin : DateTimeOffset.MaxValue;
            if (segments[i].Start <= to + Margin && end >= from - Margin)
            {
                covering.Add(segments[i]);
            }
        }
        if (covering.Count == 0)
        {
            logger.LogWarning("No recorded segment in {Directory} covers {From:O}..{To:O}", recordingDirectory, from, to);
            return null;
        }

        var list = output + ".concat.txt";
        await File.WriteAllLinesAsync(list, covering.Select(s => $"file '{Path.GetFullPath(s.Path).Replace("'", "'\\''")}'"), CancellationToken.None);
        var offset = from - Margin - covering[0].Start;
        if (offset < TimeSpan.Zero)
        {
            offset = TimeSpan.Zero;
        }
        var duration = to - from + 2 * Margin;
        try
        {
            await RunFfmpegAsync(["-hide_banner", "-nostdin", "-v", "error", "-f", "concat", "-safe", "0",
                "-ss", Seconds(offset), "-i", list, "-t", Seconds(duration), "-map", "0:v", "-c", "copy",
                "-movflags", "+faststart", "-y", output]);
        }
        finally
        {
            File.Delete(list);
        }
        return output;
    }

    private async Task WaitForPostRollAsync(string directory, DateTimeOffset until, TimeSpan waitLimit, CancellationToken ct)
    {
        // The segment holding `until` is complete once a later one has been opened.
        var deadline = time.GetUtcNow() + waitLimit;
        while (!ct.IsCancellationRequested && time.GetUtcNow() < deadline)
        {
            var segments = RecordedSegment.List(directory);
            if (segments.Count > 0 && segments[^1].Start > until)
            {
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        logger.LogInformation("Cutting the clip in {Directory} before its post-roll was complete (camera stopped or stalled)", directory);
    }

    private async Task RunFfmpegAsync(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(ffmpegPath) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new IOException("cutting the clip took over 60 s; ffmpeg was stopped");
        }
        if (process.ExitCode != 0)
        {
            throw new IOException($"ffmpeg could not cut the clip: {(await stderr).Trim()}");
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using MobileSource.Vision.Video;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Cuts an evidence clip (MP4, stream copy) out of a camera's recorded segments: waits until the post-roll
/// has been recorded, concatenates the segments covering the window and trims to it with a second of
/// margin either side (segment names have one-second resolution; copy trims start on a key frame, earlier).
/// </summary>
/// <remarks>
/// ffmpeg's concat demuxer lays each segment right after the previous one's last frame, so time the camera sent
/// nothing (frames dropped by the camera or a loaded machine) would vanish from the clip, and a clip covering the
/// window in wall time would play short. Segments keep the recording's continuous timestamps, so each one's
/// length is declared as the distance to the next one's first frame.
/// </remarks>
public sealed class ClipCutter(TimeProvider time, ILogger<ClipCutter> logger, string ffmpegPath = "ffmpeg", string ffprobePath = "ffprobe")
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
        // Not cancelled from here on: a stop has already cut the wait short, and what is recorded is cut and kept (each
        // ffprobe and the ffmpeg have their own time limits).
        await File.WriteAllLinesAsync(list, await ConcatListAsync(covering), CancellationToken.None);
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

    private async Task<List<string>> ConcatListAsync(IReadOnlyList<RecordedSegment> covering)
    {
        var starts = new List<double?>();
        foreach (var segment in covering)
        {
            starts.Add(await FirstTimestampAsync(segment.Path));
        }
        var lines = new List<string>();
        for (var i = 0; i < covering.Count; i++)
        {
            lines.Add($"file '{Path.GetFullPath(covering[i].Path).Replace("'", "'\\''")}'");
            if (i + 1 < covering.Count && starts[i] is { } start && starts[i + 1] is { } next)
            {
                // Names are the second each segment was opened, so the timestamp distance agrees with them within
                // about a second; it does not when the recording restarted in between (timestamps start again).
                var length = next - start;
                var named = (covering[i + 1].Start - covering[i].Start).TotalSeconds;
                if (length > 0 && Math.Abs(length - named) <= 1.5)
                {
                    lines.Add($"duration {length.ToString("0.######", CultureInfo.InvariantCulture)}");
                }
            }
        }
        return lines;
    }

    /// <summary>The segment's first timestamp in seconds, or null when ffprobe cannot tell within 10 s.</summary>
    private async Task<double?> FirstTimestampAsync(string path)
    {
        var result = await ProcessRunner.RunAsync(ffprobePath, ["-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0", path],
            TimeSpan.FromSeconds(10), CancellationToken.None);
        if (result.TimedOut)
        {
            logger.LogWarning("ffprobe gave no start time for {Segment} within 10 s; its length is taken as recorded", path);
        }
        return result.ExitCode == 0 && double.TryParse(result.Stdout.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            ? start
            : null;
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
        var result = await ProcessRunner.RunAsync(ffmpegPath, args, TimeSpan.FromSeconds(60), CancellationToken.None);
        if (result.TimedOut)
        {
            throw new IOException("cutting the clip took over 60 s; ffmpeg was stopped");
        }
        if (result.ExitCode != 0)
        {
            throw new IOException($"ffmpeg could not cut the clip: {string.Join(" ", result.Stderr)}");
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using MobileSource.Cameras.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class ClipCutterTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Time_in_which_the_camera_sent_nothing_stays_in_the_clip()
    {
        var folder = Directory.CreateTempSubdirectory("clip-gap-").FullName;
        // Three one-second segments of one recording; in the middle one the camera sent 0.4 s of frames, then nothing.
        Segment(folder, 0, startSeconds: 10, seconds: 1);
        Segment(folder, 1, startSeconds: 11, seconds: 0.4);
        Segment(folder, 2, startSeconds: 12, seconds: 1);

        var clip = await Cut(folder, from: Opened.AddSeconds(1), to: Opened.AddSeconds(2));

        // The window with its margins is 3 s of wall time; laid end to end the frames would play 2.4 s.
        Assert.InRange(Duration(clip), 2.9, 3.15);
    }

    [Fact]
    public async Task Segments_from_a_restarted_recording_are_still_joined()
    {
        var folder = Directory.CreateTempSubdirectory("clip-restart-").FullName;
        Segment(folder, 0, startSeconds: 10, seconds: 1);
        Segment(folder, 1, startSeconds: 11, seconds: 1);
        // The camera reconnected: a new ffmpeg, whose timestamps start again.
        Segment(folder, 2, startSeconds: 0, seconds: 1);

        var clip = await Cut(folder, from: Opened.AddSeconds(1), to: Opened.AddSeconds(2));

        Assert.InRange(Duration(clip), 2.9, 3.15);
    }

    [Fact]
    public async Task A_camera_stopped_while_it_waits_for_the_post_roll_still_gets_the_clip_it_has()
    {
        // The server is shutting down: the wait for the post-roll ends at once, and the segments recorded so far are
        // cut anyway (reading their timestamps must not be cancelled too, or the capture is lost).
        var folder = Directory.CreateTempSubdirectory("clip-stopped-").FullName;
        Segment(folder, 0, startSeconds: 10, seconds: 1);
        Segment(folder, 1, startSeconds: 11, seconds: 1);
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        var clip = await Cut(folder, from: Opened.AddSeconds(1), to: Opened.AddSeconds(5), TimeSpan.FromSeconds(30), stopped.Token);

        Assert.InRange(Duration(clip), 1.9, 2.15);
    }

    private static async Task<string> Cut(string folder, DateTimeOffset from, DateTimeOffset to, TimeSpan? waitLimit = null,
        CancellationToken ct = default)
    {
        var cutter = new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance);
        var clip = await cutter.CutAsync(folder, from, to, Path.Combine(folder, "clip.mp4"), waitLimit ?? TimeSpan.Zero, ct);
        Assert.NotNull(clip);
        return clip;
    }

    /// <summary>A 10 fps segment named as the recorder names the one it opened <paramref name="index"/> seconds after <see cref="Opened"/>.</summary>
    private static void Segment(string folder, int index, double startSeconds, double seconds)
    {
        var name = Opened.AddSeconds(index).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + ".ts";
        StreamMedia.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10", "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-g", "10", "-pix_fmt", "yuv420p", "-output_ts_offset", startSeconds.ToString(CultureInfo.InvariantCulture),
            "-f", "mpegts", Path.Combine(folder, name));
    }

    private static double Duration(string path)
    {
        var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return double.Parse(output, CultureInfo.InvariantCulture);
    }
}

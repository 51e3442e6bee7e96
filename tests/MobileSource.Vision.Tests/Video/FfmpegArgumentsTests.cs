using MobileSource.Vision.Video;

namespace MobileSource.Vision.Tests.Video;

public sealed class FfmpegArgumentsTests
{
    private static readonly VideoProbe Mjpeg = new("mjpeg", 1920, 1080, 25, "mpjpeg", null);
    private static readonly VideoProbe H264 = new("h264", 1920, 1080, 25, "mpegts", null);

    private static FfmpegSourceOptions Http(bool record) => new()
    {
        Address = SourceAddress.Parse("http://10.0.0.64/cgi-bin/mjpg/video.cgi"),
        Recording = record ? new SegmentRecording("/tmp/rec", 2) : null,
    };

    [Fact]
    public void An_mjpeg_camera_is_timed_by_the_wall_clock_because_its_stream_has_no_timestamps()
    {
        var args = FfmpegArguments.Build(Http(record: false), Mjpeg);

        var input = args.ToList().IndexOf("-i");
        Assert.Equal(["-use_wallclock_as_timestamps", "1"], args.Skip(input - 2).Take(2));
    }

    [Fact]
    public void A_stream_with_its_own_timestamps_keeps_them() =>
        Assert.DoesNotContain("-use_wallclock_as_timestamps", FfmpegArguments.Build(Http(record: false), H264));

    [Fact]
    public void A_recording_that_must_be_re_encoded_becomes_h264_no_wider_than_1280_without_duplicated_frames()
    {
        var o = Http(record: true) with { Recording = new SegmentRecording("/tmp/rec", 2, Reencode: true) };

        var recording = RecordingOutput(FfmpegArguments.Build(o, Mjpeg));

        Assert.Equal("libx264", After(recording, "-c:v"));
        Assert.Equal("veryfast", After(recording, "-preset"));
        Assert.Equal("zerolatency", After(recording, "-tune"));
        Assert.Equal("yuv420p", After(recording, "-pix_fmt"));
        Assert.Equal("scale='trunc(min(1280,iw)/2)*2':-2", After(recording, "-vf"));
        Assert.Equal("vfr", After(recording, "-fps_mode"));
    }

    [Fact]
    public void A_recording_of_h264_is_copied()
    {
        var recording = RecordingOutput(FfmpegArguments.Build(Http(record: true), H264));

        Assert.Equal("copy", After(recording, "-c:v"));
        Assert.DoesNotContain("-vf", recording);
    }

    /// <summary>The options of the second output (after the raw frames on pipe:1).</summary>
    private static List<string> RecordingOutput(IReadOnlyList<string> args) =>
        args.SkipWhile(a => a != "pipe:1").Skip(1).ToList();

    private static string After(List<string> args, string option) => args[args.IndexOf(option) + 1];
}

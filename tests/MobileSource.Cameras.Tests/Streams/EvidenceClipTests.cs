using System.Diagnostics;
using System.Globalization;
using MobileSource.Cameras.Streams;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class EvidenceClipTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task A_capture_reaches_the_sink_with_key_frames_and_a_clip_covering_five_seconds_either_side()
    {
        await using var server = await RtspTestCamera.StartAsync();
        var sink = new RecordingSink();
        var host = TestCameras.Host(media.NewFolder("clip"));
        // Decided on frame 60: six seconds into the stream, so the pre-roll has been recorded.
        var camera = TestCameras.Camera("clip", server.Url, c => c.Record = true);
        await using var runner = TestCameras.Runner(camera, host, new ScriptedAnalyzer(captureAt: 60), sink);
        runner.Start();

        await Poll.UntilAsync(() => !sink.Accepted.IsEmpty, TimeSpan.FromSeconds(60), () => TestCameras.Describe(runner));

        var (evidence, handedAt) = Assert.Single(sink.Accepted);
        Assert.Equal("clip", evidence.CameraId);
        Assert.Equal(2.5, evidence.RingelmannLevel);
        Assert.Null(evidence.Plate);
        Assert.Equal(["clip", "vehicle", "smoke"], evidence.Files.Select(f => f.Kind));
        Assert.All(evidence.Files, f => Assert.True(new FileInfo(f.Path).Length > 0, f.Path));
        var clip = evidence.Files[0].Path;
        Assert.True(Probe(clip, "stream=codec_name") == "h264", "clip is H.264");
        var duration = double.Parse(Probe(clip, "format=duration"), CultureInfo.InvariantCulture);
        Assert.InRange(duration, 10.0, 16.0);
        // The clip could only be cut after the post-roll had been recorded.
        Assert.True(handedAt - evidence.CapturedAt >= host.ClipPostRoll, $"handed over {handedAt - evidence.CapturedAt} after the decision");
    }

    [Fact]
    public async Task A_looped_file_keeps_recording_segments_after_it_wraps_around()
    {
        // good.mp4 lasts 6 s; segments must keep coming after the loop, or no later clip could be cut.
        var host = TestCameras.Host(media.NewFolder("loop-record"));
        await using var runner = TestCameras.Runner(TestCameras.Camera("loop", media.Good, c => { c.Loop = true; c.Record = true; }), host);
        runner.Start();

        await Poll.UntilAsync(() => RecordedSegment.List(runner.RecordingDirectory!) is { Count: > 1 } s && s[^1].Start - s[0].Start >= TimeSpan.FromSeconds(9),
            TimeSpan.FromSeconds(40), () => $"{TestCameras.Describe(runner)}; segments {RecordedSegment.List(runner.RecordingDirectory!).Count}");
        Assert.Equal(CameraState.Live, runner.Status.State);
    }

    private static string Probe(string path, string entries)
    {
        var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", entries,
            "-of", "default=noprint_wrappers=1:nokey=1", path]) { RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class MjpegRecordingTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task A_capture_on_an_mjpeg_camera_has_an_h264_clip_no_wider_than_1280_covering_five_seconds_either_side()
    {
        // 1600x900 JPEGs, as a camera's main stream might send; MJPEG cannot be copied into the MP4 clip.
        await using var server = HttpTestCamera.Start(width: 1600, height: 900, fps: 10);
        var sink = new RecordingSink();
        var host = TestCameras.Host(media.NewFolder("mjpeg-clip"));
        // Decided on frame 50 at 5 fps: ten seconds into the stream, so the pre-roll has been recorded even when the
        // recording ffmpeg starts seconds after the detect stream on a loaded machine (a 9.97 s clip was seen at 7 s).
        var camera = TestCameras.Camera("mjpeg-clip", server.Url(HttpTestCamera.DahuaMjpegPath), c => { c.Record = true; c.DetectFps = 5; });
        await using var runner = TestCameras.Runner(camera, host, new ScriptedAnalyzer(captureAt: 50), sink);
        runner.Start();

        await Poll.UntilAsync(() => !sink.Accepted.IsEmpty, TimeSpan.FromSeconds(60), () => TestCameras.Describe(runner));

        var (evidence, handedAt) = Assert.Single(sink.Accepted);
        Assert.Equal(["clip", "vehicle", "smoke"], evidence.Files.Select(f => f.Kind));
        var clip = evidence.Files[0].Path;
        Assert.Equal("h264,1280,720", Probe(clip, "stream=codec_name,width,height"));
        var duration = double.Parse(Probe(clip, "format=duration"), CultureInfo.InvariantCulture);
        Assert.True(duration is >= 10.0 and <= 16.0,
            $"clip of {duration} s for a decision at {evidence.CapturedAt:HH:mm:ss.fff}; recorded: {Recorded(runner.RecordingDirectory!)}");
        // Every frame of the clip decodes: it is a playable video, not a stream of broken packets.
        var frames = int.Parse(Probe(clip, "stream=nb_read_frames", "-count_frames"), CultureInfo.InvariantCulture);
        Assert.InRange(frames, (int)(duration * 10 * 0.8), (int)(duration * 10 * 1.2));
        Assert.True(handedAt - evidence.CapturedAt >= host.ClipPostRoll, $"handed over {handedAt - evidence.CapturedAt} after the decision");
        Assert.Null(runner.Status.LastError);
    }

    private static string Recorded(string directory) => string.Join(", ",
        Directory.EnumerateFiles(directory, "*.ts").Order().Select(f => $"{Path.GetFileName(f)} {Probe(f, "format=duration")} s"));

    private static string Probe(string path, string entries, string? extra = null)
    {
        List<string> args = ["-v", "error", "-select_streams", "v:0", "-show_entries", entries, "-of", "csv=p=0"];
        if (extra is not null)
        {
            args.Add(extra);
        }
        args.Add(path);
        var info = new ProcessStartInfo("ffprobe", args) { RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}

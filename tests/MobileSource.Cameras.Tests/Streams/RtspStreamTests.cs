using MobileSource.Cameras.Streams;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class RtspStreamTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_live_rtsp_camera_delivers_frames_at_the_detect_size_and_rate()
    {
        await using var server = await RtspTestCamera.StartAsync(width: 320, height: 240, fps: 10);
        var analyzer = new ScriptedAnalyzer();
        var camera = TestCameras.Camera("rtsp-live", server.Url, c => { c.DetectWidth = 160; c.DetectHeight = 120; c.DetectFps = 5; });
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("live")), analyzer);

        runner.Start();
        Assert.InRange(await TestCameras.SteadyFpsAsync(runner, analyzer, Wait), 3.5, 7); // the detect rate

        var status = runner.Status;
        Assert.Equal(CameraState.Live, status.State);
        Assert.All(analyzer.Frames, f => Assert.Equal((160, 120), (f.Width, f.Height)));
        var frames = analyzer.Frames.ToArray();
        Assert.Equal(Enumerable.Range(0, frames.Length).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(0.2), frames[1].SourceTime - frames[0].SourceTime);
        Assert.InRange(status.Fps, 3, 12); // the sliding window may still hold part of the start-up burst
        Assert.NotNull(runner.SnapshotJpeg());
        Assert.DoesNotContain("credentials", status.Source);
    }

    [Fact]
    public async Task A_camera_whose_server_restarts_reconnects_and_frames_resume()
    {
        await using var server = await RtspTestCamera.StartAsync();
        var analyzer = new ScriptedAnalyzer();
        await using var runner = TestCameras.Runner(TestCameras.Camera("rtsp-restart", server.Url), TestCameras.Host(media.NewFolder("restart")), analyzer);
        runner.Start();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live && analyzer.Frames.Count >= 5, Wait, () => TestCameras.Describe(runner));

        server.Kill();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Reconnecting, Wait, () => TestCameras.Describe(runner));
        var framesWhileDown = runner.Status.FramesReceived;
        Assert.NotNull(runner.Status.Reason);

        await server.RestartAsync();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live && runner.Status.FramesReceived > framesWhileDown + 5,
            Wait, () => TestCameras.Describe(runner));
        Assert.True(runner.Status.Restarts >= 1);
        Assert.NotNull(runner.Status.LastError);
    }

    [Fact]
    public async Task A_camera_that_stops_sending_is_detected_as_stalled_and_restarted()
    {
        await using var server = await RtspTestCamera.StartAsync();
        // A long I/O timeout so that the watchdog, not ffmpeg, notices the silence.
        var camera = TestCameras.Camera("rtsp-stall", server.Url, c => { c.IoTimeout = TimeSpan.FromSeconds(60); c.StallTimeout = TimeSpan.FromSeconds(2); });
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("stall")));
        runner.Start();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live, Wait, () => TestCameras.Describe(runner));

        server.Pause();
        await Poll.UntilAsync(() => runner.Status.LastError?.StartsWith("stalled") == true, Wait, () => TestCameras.Describe(runner));
        server.Resume();
        var before = runner.Status.FramesReceived;
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live && runner.Status.FramesReceived > before + 5,
            TimeSpan.FromSeconds(90), () => TestCameras.Describe(runner));
        Assert.True(runner.Status.Restarts >= 1);
    }
}

using MobileSource.Cameras.Streams;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class HttpSourceTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(HttpTestCamera.HikvisionMjpegPath)] // MJPEG behind Basic authentication, credentials in the URL
    [InlineData(HttpTestCamera.TsPath)] // H.264 in MPEG-TS
    public async Task A_live_http_camera_delivers_frames_at_the_detect_size_and_rate(string path)
    {
        await using var server = HttpTestCamera.Start(width: 320, height: 240, fps: 10);
        var analyzer = new ScriptedAnalyzer();
        var camera = TestCameras.Camera("http-live", server.Url(path, credentials: true),
            c => { c.DetectWidth = 160; c.DetectHeight = 120; c.DetectFps = 5; });
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("http-live")), analyzer);

        runner.Start();
        Assert.InRange(await TestCameras.SteadyFpsAsync(runner, analyzer, Wait), 3.5, 7);

        var status = runner.Status;
        Assert.Equal(CameraState.Live, status.State);
        Assert.All(analyzer.Frames, f => Assert.Equal((160, 120), (f.Width, f.Height)));
        Assert.InRange(status.Fps, 3, 12);
        Assert.NotNull(runner.SnapshotJpeg());
        Assert.DoesNotContain(HttpTestCamera.Password, status.Source);
        Assert.Null(status.LastError);
    }

    [Theory]
    [InlineData("/no/such/stream", "stream not found on the server (404: check the path)")]
    [InlineData(HttpTestCamera.HikvisionMjpegPath, "authentication failed (check the user name and password)")]
    public async Task An_http_camera_that_refuses_the_stream_says_why(string path, string reason)
    {
        await using var server = HttpTestCamera.Start();
        var camera = TestCameras.Camera("http-refused", server.Url(path, credentials: true, password: "wrong-secret"));
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("http-refused")));

        runner.Start();
        await Poll.UntilAsync(() => runner.Status.LastError is not null, Wait, () => TestCameras.Describe(runner));

        var status = runner.Status;
        Assert.Equal(reason, status.LastError);
        Assert.Equal(CameraState.Reconnecting, status.State); // a misconfigured camera may be fixed on site
        Assert.Equal(0, status.FramesReceived);
        Assert.DoesNotContain("wrong-secret", status.Source);
        Assert.DoesNotContain("wrong-secret", status.Reason);
    }

    [Fact]
    public async Task A_camera_whose_http_server_goes_away_reconnects_and_frames_resume()
    {
        await using var server = HttpTestCamera.Start();
        var analyzer = new ScriptedAnalyzer();
        var camera = TestCameras.Camera("http-restart", server.Url(HttpTestCamera.DahuaMjpegPath));
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("http-restart")), analyzer);
        runner.Start();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live && analyzer.Frames.Count >= 5, Wait, () => TestCameras.Describe(runner));

        server.Stop();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Reconnecting, Wait, () => TestCameras.Describe(runner));
        await Poll.UntilAsync(() => runner.Status.LastError?.StartsWith("connection refused") == true, Wait, () => TestCameras.Describe(runner));
        var framesWhileDown = runner.Status.FramesReceived;

        server.Restart();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Live && runner.Status.FramesReceived > framesWhileDown + 5,
            Wait, () => TestCameras.Describe(runner));
        Assert.True(runner.Status.Restarts >= 1);
    }

    [Theory]
    [InlineData("http://", "camera 'cam-http': Source is not a valid http:// URL")]
    [InlineData("https://admin:Hk12345@", "camera 'cam-http': Source is not a valid https:// URL (https://***@)")]
    [InlineData("mjpeg://10.0.0.64/video.cgi", "camera 'cam-http': Source has unsupported scheme 'mjpeg'")]
    public void A_bad_http_source_is_refused_naming_the_camera_and_the_field(string source, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => CameraConfiguration.Validate([new CameraOptions { Id = "cam-http", Source = source }], new CameraHostOptions()));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("Hk12345", error.Message);
    }
}

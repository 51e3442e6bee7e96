using MobileSource.Cameras.Streams;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class BadSourceTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task Broken_sources_fail_with_their_reason_while_a_good_camera_in_the_same_host_keeps_running()
    {
        using var silent = new SilentServer();
        var closedPort = RtspTestCamera.FreePort();
        var good = new ScriptedAnalyzer(throwAt: 3);
        List<CameraOptions> cameras =
        [
            TestCameras.Camera("good", media.Good, c => c.Loop = true),
            TestCameras.Camera("truncated", media.Truncated),
            TestCameras.Camera("text", media.NotVideo),
            TestCameras.Camera("png", media.Picture),
            TestCameras.Camera("missing", Path.Combine(media.Directory, "nowhere.mp4")),
            TestCameras.Camera("refused", $"rtsp://admin:secret@127.0.0.1:{closedPort}/stream1"),
            TestCameras.Camera("silent", $"rtsp://127.0.0.1:{silent.Port}/stream1"),
        ];
        var host = TestCameras.Host(media.NewFolder("bad"));
        await using var registry = new CameraRegistry(Options.Create(cameras), Options.Create(host),
            c => c.Id == "good" ? good : new ScriptedAnalyzer(), new RecordingSink(),
            new EvidenceStager(host, new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance)),
            NullLoggerFactory.Instance, TimeProvider.System);
        foreach (var runner in registry.Runners)
        {
            runner.Start();
        }
        CameraStatus Of(string id) => registry.Find(id)!.Status;
        string All() => string.Join("\n", registry.Statuses);

        await Poll.UntilAsync(() => Of("truncated").State == CameraState.Failed && Of("text").State == CameraState.Failed
                                    && Of("png").State == CameraState.Failed && Of("missing").State == CameraState.Failed
                                    && Of("refused").LastError is not null && Of("silent").LastError is not null,
            TimeSpan.FromSeconds(30), All);

        Assert.Contains("corrupt or truncated", Of("truncated").Reason);
        Assert.Contains("not a video", Of("text").Reason);
        Assert.Contains("still image", Of("png").Reason);
        Assert.Equal("file not found", Of("missing").Reason);
        Assert.Contains("connection refused", Of("refused").LastError);
        Assert.Equal(CameraState.Reconnecting, Of("refused").State); // a camera that is down may come back
        Assert.DoesNotContain("secret", Of("refused").Source);
        Assert.Contains("timed out", Of("silent").LastError);

        // The good camera kept going, past an analyzer exception on its fourth frame.
        var before = Of("good").FramesReceived;
        await Poll.UntilAsync(() => Of("good").FramesReceived > before + 10, TimeSpan.FromSeconds(10), All);
        Assert.Equal(CameraState.Live, Of("good").State);
        Assert.Equal(1, Of("good").AnalyzerErrors);
        Assert.True(good.Frames.Count > 10);
    }

    [Fact]
    public void Configuration_errors_name_the_camera_and_the_field()
    {
        List<CameraOptions> cameras =
        [
            new() { Id = "cam-1", Source = "ftp://host/x", DetectWidth = 641 },
            new() { Id = "cam-1", Source = "rtsp://" },
            new() { Id = "", Source = "a.mp4", DetectFps = 0 },
        ];
        var error = Assert.Throws<InvalidOperationException>(() => CameraConfiguration.Validate(cameras, new CameraHostOptions()));
        Assert.Contains("camera 'cam-1': Source has unsupported scheme 'ftp'", error.Message);
        Assert.Contains("camera 'cam-1': DetectWidth 641", error.Message);
        Assert.Contains("camera 'cam-1': Source is not a valid rtsp:// URL", error.Message);
        Assert.Contains("Cameras:2: Id is required", error.Message);
        Assert.Contains("Cameras:2: DetectFps 0", error.Message);
        Assert.Contains("camera 'cam-1': Id is used by 2 cameras", error.Message);
    }

    [Theory]
    [InlineData("X", 50, "CameraHost:HomeProvince 'X'")]
    [InlineData("豫冀", 50, "CameraHost:HomeProvince '豫冀'")]
    [InlineData("豫", 0.5, "CameraHost:HomeProvinceWeight 0.5")]
    public void A_bad_home_province_prior_is_refused_naming_the_setting(string province, double weight, string expected)
    {
        var host = new CameraHostOptions { HomeProvince = province, HomeProvinceWeight = weight };
        var error = Assert.Throws<InvalidOperationException>(() => CameraConfiguration.Validate([], host));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("豫", 20, "CameraHost:HomeCity '豫'")]
    [InlineData("O", 20, "CameraHost:HomeCity 'O'")]
    [InlineData("F", 0, "CameraHost:HomeCityWeight 0")]
    public void A_bad_home_city_prior_is_refused_naming_the_setting(string city, double weight, string expected)
    {
        var host = new CameraHostOptions { HomeCity = city, HomeCityWeight = weight };
        var error = Assert.Throws<InvalidOperationException>(() => CameraConfiguration.Validate([], host));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(double.NaN)]
    public void A_province_glyph_weight_out_of_range_is_refused_naming_the_setting(double weight)
    {
        var host = new CameraHostOptions { ProvinceGlyphWeight = weight };
        var error = Assert.Throws<InvalidOperationException>(() => CameraConfiguration.Validate([], host));
        Assert.Contains($"CameraHost:ProvinceGlyphWeight {weight}", error.Message);
    }

    [Theory]
    [InlineData("豫")]
    [InlineData("冀")]
    [InlineData("")]
    public void A_province_abbreviation_or_none_is_a_valid_home_province(string province) =>
        CameraConfiguration.Validate([], new CameraHostOptions { HomeProvince = province });
}

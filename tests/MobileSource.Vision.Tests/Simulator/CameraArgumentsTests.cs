using MobileSource.HardwareSim.Camera;
using MobileSource.HardwareSim.Cli;

namespace MobileSource.Vision.Tests.Simulator;

public sealed class CameraArgumentsTests
{
    [Fact]
    public void Parses_a_full_command_line()
    {
        var args = CameraArguments.Parse(["--seed", "7", "--vehicles", "5", "--out", "/tmp/x", "--width", "640", "--height", "360",
            "--fps", "20", "--lighting", "dusk", "--shadows", "off", "--smoky-share", "0.25"]);
        Assert.Equal(7, args.Seed);
        Assert.Equal("/tmp/x", args.OutDirectory);
        Assert.Null(args.RtspPort);
        Assert.Equal(new SceneOptions { Vehicles = 5, Width = 640, Height = 360, Fps = 20, Lighting = SceneLighting.Dusk, Shadows = false, SmokyShare = 0.25 }, args.Scene);
    }

    [Fact]
    public void Rtsp_mode_defaults_the_path_to_camera()
    {
        var args = CameraArguments.Parse(["--seed", "1", "--rtsp", "8554"]);
        Assert.Equal(8554, args.RtspPort);
        Assert.Equal("camera", args.RtspPath);
    }

    [Theory]
    [InlineData("--vehicles 5 --out d", "--seed is required")]
    [InlineData("--seed x --out d", "--seed must be a whole number, got 'x'")]
    [InlineData("--seed 1", "exactly one of --out")]
    [InlineData("--seed 1 --out d --rtsp 8554", "exactly one of --out")]
    [InlineData("--seed 1 --out d --lighting night", "--lighting must be day, dusk or overcast, got 'night'")]
    [InlineData("--seed 1 --out d --shadows yes", "--shadows must be on or off, got 'yes'")]
    [InlineData("--seed 1 --out d --smoky-share 1.5", "--smoky-share must be 0..1, got 1.5")]
    [InlineData("--seed 1 --out d --width 641", "--width must be even")]
    [InlineData("--seed 1 --rtsp 70000", "--rtsp must be 0..65535, got 70000")]
    [InlineData("--seed 1 --out d --colour red", "unknown option '--colour'")]
    [InlineData("--seed 1 --out", "--out needs a value")]
    [InlineData("--seed 1 --seed 2 --out d", "--seed is given twice")]
    [InlineData("--seed 1 --out d --path cam", "--path only applies with --rtsp")]
    public void Bad_options_name_the_option(string commandLine, string expected)
    {
        var error = Assert.Throws<UsageException>(() => CameraArguments.Parse(commandLine.Split(' ')));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Scene_options_out_of_range_name_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => SceneSpec.FromSeed(1, new SceneOptions { Fps = 100 }));
        Assert.Contains("fps must be 5..60, got 100", error.Message);
    }
}

using System.Globalization;
using MobileSource.HardwareSim.Camera;

namespace MobileSource.Vision.Tests.Simulator;

/// <summary>One short scene encoded once with the real ffmpeg, shared by the tests that read it back.</summary>
public sealed class ShortVideoFixture : IAsyncLifetime
{
    public SceneSpec Scene { get; } = SceneSpec.FromSeed(21, SmallScenes.Options(vehicles: 1));
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"sim-video-{Guid.NewGuid():N}");
    public string VideoPath => Path.Combine(Directory, CameraVideoWriter.VideoFileName);

    public async Task InitializeAsync() => await CameraVideoWriter.WriteAsync(Scene, Directory);

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class CameraVideoTests(ShortVideoFixture video) : IClassFixture<ShortVideoFixture>
{
    [Fact]
    public void Mp4_decodes_with_ffprobe_with_the_truths_frame_count_and_size()
    {
        var (exit, stdout, stderr) = ExternalTool.Run("ffprobe", TimeSpan.FromSeconds(60),
            "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,nb_read_frames,r_frame_rate", "-of", "default=noprint_wrappers=1", video.VideoPath);
        Assert.True(exit == 0, stderr);
        var fields = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
        Assert.Equal("h264", fields["codec_name"]);
        Assert.Equal(video.Scene.Width.ToString(CultureInfo.InvariantCulture), fields["width"]);
        Assert.Equal(video.Scene.Height.ToString(CultureInfo.InvariantCulture), fields["height"]);
        Assert.Equal("25/1", fields["r_frame_rate"]);
        Assert.Equal(video.Scene.FrameCount.ToString(CultureInfo.InvariantCulture), fields["nb_read_frames"]);
    }

    [Fact]
    public void Truth_json_next_to_the_video_is_the_scenes_truth()
    {
        var json = File.ReadAllText(Path.Combine(video.Directory, CameraVideoWriter.TruthFileName));
        Assert.Equal(video.Scene.Truth.ToJson(), json);
        Assert.Equal(video.Scene.FrameCount, SceneTruth.FromJson(json).FrameCount);
    }
}

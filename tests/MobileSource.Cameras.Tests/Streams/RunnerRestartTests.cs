using MobileSource.Cameras.Streams;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>What start may and may not do after a run ended: a failed camera can be tried again; a replaced one never runs.</summary>
public sealed class RunnerRestartTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task A_failed_camera_starts_again_when_asked()
    {
        var host = TestCameras.Host(media.NewFolder("restart"));
        await using var runner = TestCameras.Runner(TestCameras.Camera("missing", Path.Combine(media.Directory, "nowhere.mp4")), host);
        runner.Start();
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Failed, TimeSpan.FromSeconds(30), () => TestCameras.Describe(runner));
        Assert.False(runner.IsRunning);

        runner.Start();

        Assert.Equal(CameraState.Starting, runner.Status.State); // before: Start was ignored and the camera stayed Failed
        await Poll.UntilAsync(() => runner.Status.State == CameraState.Failed, TimeSpan.FromSeconds(30), () => TestCameras.Describe(runner));
        Assert.Equal("file not found", runner.Status.Reason);
    }

    [Fact]
    public async Task A_runner_that_was_replaced_or_removed_never_starts()
    {
        var host = TestCameras.Host(media.NewFolder("disposed"));
        var runner = TestCameras.Runner(TestCameras.Camera("gone", media.Good, c => c.Loop = true), host);
        await runner.DisposeAsync();

        runner.Start();

        Assert.False(runner.IsRunning);
        Assert.Equal(CameraState.Stopped, runner.Status.State);
        Assert.Null(runner.SnapshotJpeg());
    }
}

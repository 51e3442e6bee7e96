using MobileSource.Cameras.Streams;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class FreezeTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task A_camera_showing_the_same_image_is_declared_frozen_and_restarted()
    {
        var camera = TestCameras.Camera("frozen", media.Still, c => { c.Loop = true; c.FreezeFrames = 10; });
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("freeze")));
        runner.Start();

        await Poll.UntilAsync(() => runner.Status.Restarts >= 1, TimeSpan.FromSeconds(30), () => TestCameras.Describe(runner));

        Assert.StartsWith("frozen: the same image for 10 frames", runner.Status.LastError);
    }

    [Fact]
    public async Task A_moving_picture_is_not_frozen()
    {
        var camera = TestCameras.Camera("moving", media.Good, c => { c.Loop = true; c.FreezeFrames = 5; });
        await using var runner = TestCameras.Runner(camera, TestCameras.Host(media.NewFolder("moving")));
        runner.Start();

        await Poll.UntilAsync(() => runner.Status.FramesReceived >= 30, TimeSpan.FromSeconds(30), () => TestCameras.Describe(runner));

        Assert.Equal(0, runner.Status.Restarts);
        Assert.Equal(CameraState.Live, runner.Status.State);
    }
}

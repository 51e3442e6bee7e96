using MobileSource.Vision.Motion;

namespace MobileSource.Vision.Tests.Motion;

public class BackgroundModelTests
{
    [Fact]
    public void A_vehicle_in_view_when_the_camera_starts_does_not_become_road()
    {
        // One row of 40 pixels of road (grey 120); a dark vehicle 12 px long drives through it while the camera starts.
        var options = new MotionOptions { WarmupFrames = 9, WarmupStride = 2 };
        var model = new BackgroundModel(40, 1, options);
        var frames = 0;
        while (!model.IsWarm)
        {
            model.Learn(Row(vehicleAt: frames), null);
            frames++;
        }

        Assert.Equal(17, frames); // nine samples, every second frame
        // Every pixel had the vehicle over it in fewer than half of the samples: the median is the road everywhere.
        Assert.All(model.Bgr, v => Assert.Equal(120f, v));
    }

    [Fact]
    public void After_warm_up_foreground_is_learned_more_slowly_than_road()
    {
        var options = new MotionOptions { WarmupFrames = 1 };
        var model = new BackgroundModel(2, 1, options);
        model.Learn([100, 100, 100, 100, 100, 100], null);
        model.Learn([200, 200, 200, 200, 200, 200], [PixelClass.Background, PixelClass.Object]);

        Assert.Equal(100 + 100 * options.BackgroundLearningRate, model.Bgr[0], 3);
        Assert.Equal(100 + 100 * options.ForegroundLearningRate, model.Bgr[3], 3);
    }

    [Fact]
    public void A_ghost_left_by_a_vehicle_that_was_there_at_start_up_fades_once_it_has_not_changed_for_some_seconds()
    {
        // The background learned a parked vehicle (grey 20); it drove off, and the road (120) there is foreground.
        var options = new MotionOptions { WarmupFrames = 1 };
        var model = new BackgroundModel(2, 1, options);
        model.Learn([20, 20, 20, 20, 20, 20], null);
        byte[] road = [120, 120, 120, 120, 120, 120];
        byte[] foreground = [PixelClass.Object, PixelClass.Object];
        for (var f = 0; f < options.StaticForegroundFrames; f++) model.Learn(road, foreground);
        var slow = model.Bgr[0];

        for (var f = 0; f < 60; f++) model.Learn(road, foreground);

        // Foreground alone would have moved it by 0.4 % a frame; an unchanged pixel is learned at the road's 5 %.
        Assert.InRange(slow, 20f, 20f + 100f * options.StaticForegroundFrames * options.ForegroundLearningRate * 1.1f);
        Assert.InRange(model.Bgr[0], 115f, 120f);
    }

    [Fact]
    public void A_ghost_on_a_noisy_road_fades_too()
    {
        // The same ghost, but the road under it flickers by 6-10 grey levels from frame to frame (sensor noise
        // re-encoded at every key frame): it never repeats a frame within a few levels, yet it is not moving.
        var options = new MotionOptions { WarmupFrames = 1 };
        var model = new BackgroundModel(1, 1, options);
        model.Learn([20, 20, 20], null);
        byte[] noisy = [115, 125, 117, 123, 116, 124];
        byte[] foreground = [PixelClass.Object];

        for (var f = 0; f < options.StaticForegroundFrames + 60; f++)
        {
            var v = noisy[f % noisy.Length];
            model.Learn([v, v, v], foreground);
        }

        Assert.InRange(model.Bgr[0], 110f, 126f);
    }

    [Fact]
    public void A_moving_vehicle_over_a_pixel_keeps_it_foreground_learned_slowly()
    {
        var options = new MotionOptions { WarmupFrames = 1 };
        var model = new BackgroundModel(1, 1, options);
        model.Learn([120, 120, 120], null);
        byte[] foreground = [PixelClass.Object];
        // A vehicle's texture sliding past: the pixel changes every frame.
        for (var f = 0; f < 90; f++) model.Learn(f % 2 == 0 ? [40, 40, 40] : [60, 60, 60], foreground);

        Assert.InRange(model.Bgr[0], 75f, 120f);
    }

    /// <summary>The road row with the vehicle (grey 20) starting at pixel 2 x frame.</summary>
    private static byte[] Row(int vehicleAt)
    {
        var row = new byte[40 * 3];
        for (var x = 0; x < 40; x++)
        {
            var vehicle = x >= 2 * vehicleAt && x < 2 * vehicleAt + 12;
            row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = vehicle ? (byte)20 : (byte)120;
        }
        return row;
    }
}

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

using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Motion;

public sealed class DarkPlumeClassTests
{
    [Fact]
    public void A_dense_plume_on_a_dark_road_at_dusk_is_shade_not_a_vehicle()
    {
        // Dusk: the road is about 40 grey levels, slightly blue; a Ringelmann 4 plume lets a fifth of it through,
        // leaving 8 levels in which sensor noise decides the normalised colour.
        using var road = new Mat(180, 320, MatType.CV_8UC3, new Scalar(46, 40, 36));
        using var motion = WarmMotion.On(road);

        using var frame = road.Clone();
        var plume = new Rect(100, 60, 80, 60);
        using (var dimmed = new Mat(frame, plume)) Cv2.Multiply(dimmed, new Scalar(0.2, 0.2, 0.2), dimmed);
        using var noise = new Mat(180, 320, MatType.CV_16SC3);
        Cv2.Randn(noise, new Scalar(0, 0, 0), new Scalar(2, 2, 2));
        using var noisy = new Mat();
        frame.ConvertTo(noisy, MatType.CV_16SC3);
        Cv2.Add(noisy, noise, noisy);
        noisy.ConvertTo(frame, MatType.CV_8UC3);
        var f = motion.Analyze(frame);

        var shade = 0;
        var total = 0;
        for (var y = plume.Top + 2; y < plume.Bottom - 2; y++)
        for (var x = plume.Left + 2; x < plume.Right - 2; x++)
        {
            total++;
            if (f.Class[y * 320 + x] == PixelClass.Shade) shade++;
        }
        Assert.True(shade >= 0.95 * total, $"{shade} of {total} plume pixels are shade");
    }

    [Fact]
    public void A_dark_red_body_on_the_same_road_is_still_an_object()
    {
        using var road = new Mat(180, 320, MatType.CV_8UC3, new Scalar(46, 40, 36));
        using var motion = WarmMotion.On(road);

        using var frame = road.Clone();
        Cv2.Rectangle(frame, new Rect(100, 60, 80, 60), new Scalar(8, 8, 30), -1);
        var f = motion.Analyze(frame);

        Assert.Equal(PixelClass.Object, f.Class[90 * 320 + 140]);
    }
}

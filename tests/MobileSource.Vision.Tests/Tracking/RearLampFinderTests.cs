using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Tracking;

public class RearLampFinderTests
{
    private static readonly Scalar Road = new(70, 72, 74);
    private static readonly Scalar DarkBody = new(22, 22, 24);
    private static readonly Scalar Lamp = new(22, 20, 190); // BGR, the simulator's tail light
    private static readonly Scalar ShadedLamp = new(1, 0, 39); // an unlit lamp in a hard shadow

    /// <summary>A dark truck rear 100 px wide at x 100-200 whose lamps sit at y 150-156.</summary>
    private static Mat TruckRear(Scalar lamp, int x = 100)
    {
        var image = new Mat(360, 640, MatType.CV_8UC3, Road);
        image.Rectangle(new Rect(x, 40, 100, 130), DarkBody, -1);
        image.Rectangle(new Rect(x + 4, 150, 12, 6), lamp, -1);
        image.Rectangle(new Rect(x + 84, 150, 12, 6), lamp, -1);
        return image;
    }

    [Fact]
    public void Finds_the_lamp_pair_of_a_dark_truck_below_a_blob_that_ended_at_its_cargo_box()
    {
        using var image = TruckRear(Lamp);
        // The motion blob missed the dark chassis: it ends 40 px above the lamps.
        var rear = RearLampFinder.Find(image, new Rect(100, 40, 100, 70));

        Assert.NotNull(rear);
        Assert.Equal(new Point2f(110, 153), rear.Value.LeftCentre);
        Assert.Equal(new Point2f(190, 153), rear.Value.RightCentre);
    }

    [Fact]
    public void Finds_unlit_lamps_in_a_hard_shadow()
    {
        using var image = TruckRear(ShadedLamp);
        Assert.NotNull(RearLampFinder.Find(image, new Rect(100, 40, 100, 130)));
    }

    [Fact]
    public void Finds_the_lamps_of_a_truck_near_a_1080p_camera_from_a_sampled_search()
    {
        // 600 px wide: the search is sampled every other pixel or more; the lamps come back in frame coordinates.
        using var image = new Mat(1080, 1920, MatType.CV_8UC3, Road);
        image.Rectangle(new Rect(600, 200, 600, 700), DarkBody, -1);
        image.Rectangle(new Rect(620, 820, 80, 36), Lamp, -1);
        image.Rectangle(new Rect(1100, 820, 80, 36), Lamp, -1);

        var rear = RearLampFinder.Find(image, new Rect(600, 200, 600, 500));

        Assert.NotNull(rear);
        Assert.InRange(rear.Value.LeftCentre.X, 655, 665);
        Assert.InRange(rear.Value.RightCentre.X, 1135, 1145);
        Assert.InRange(rear.Value.LampY, 833, 843);
    }

    [Fact]
    public void Orange_or_large_red_is_not_a_lamp()
    {
        using var orange = TruckRear(new Scalar(30, 140, 230));
        Assert.Null(RearLampFinder.Find(orange, new Rect(100, 40, 100, 130)));

        // A red car body: one big red patch, no pair.
        using var red = new Mat(360, 640, MatType.CV_8UC3, Road);
        red.Rectangle(new Rect(100, 60, 100, 80), new Scalar(20, 20, 180), -1);
        Assert.Null(RearLampFinder.Find(red, new Rect(100, 60, 100, 80)));
    }

    [Fact]
    public void Two_trucks_side_by_side_in_one_box_give_each_its_own_pair_not_their_inner_lamps()
    {
        using var image = TruckRear(Lamp);
        image.Rectangle(new Rect(230, 40, 100, 130), DarkBody, -1);
        image.Rectangle(new Rect(234, 150, 12, 6), Lamp, -1);
        image.Rectangle(new Rect(314, 150, 12, 6), Lamp, -1);
        var merged = new Rect(100, 40, 230, 130);

        var first = RearLampFinder.Find(image, merged);
        Assert.NotNull(first);
        Assert.True(first.Value.Span == 80, $"span {first.Value.Span}: a pair of one truck's lamps, not the 40 px between the trucks");

        // The track that was on the right-hand truck stays on it.
        var right = new VehicleRear(new Rect(234, 150, 12, 6), new Rect(314, 150, 12, 6));
        var again = RearLampFinder.Find(image, merged, right);
        Assert.Equal(280, again!.Value.CentreX);
    }

    [Fact]
    public void Fit_brings_the_box_onto_the_rear()
    {
        var rear = new VehicleRear(new Rect(104, 150, 12, 6), new Rect(184, 150, 12, 6)); // centres 110 and 190, y 153
        var frame = new Size(640, 360);

        // A blob that ended at the cargo box reaches down to the road below the lamps (153 + 0.22 * 80).
        Assert.Equal(171, rear.Fit(new Rect(100, 40, 100, 70), frame).Bottom);
        // A blob that took in its own plume is cut at the lowest the road can be (153 + 0.5 * 80).
        Assert.Equal(193, rear.Fit(new Rect(100, 40, 100, 200), frame).Bottom);
        // A blob inside the band keeps its bottom.
        Assert.Equal(180, rear.Fit(new Rect(100, 40, 100, 140), frame).Bottom);
        // A blob that took in the truck alongside is narrowed to this truck's body.
        var narrowed = rear.Fit(new Rect(100, 40, 230, 130), frame);
        Assert.Equal(100, narrowed.Left);
        Assert.Equal(206, narrowed.Right);
        Assert.Equal(40, narrowed.Top);
    }
}

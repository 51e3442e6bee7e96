using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The region behind a vehicle as the patch model sees it: resampled, row 0 next to the vehicle in every direction.</summary>
public class SmokePatchTests
{
    private const int S = SmokePatch.Size;
    private static readonly Rect Vehicle = new(40, 40, 20, 20);

    /// <summary>A 100x100 frame whose opacity is given per pixel; the previous frame is clear road.</summary>
    private static (MotionFrame Frame, MotionFrame Previous) Frames(Func<int, int, float> opacity)
    {
        var f = new MotionFrame(100, 100);
        for (var y = 0; y < 100; y++)
        for (var x = 0; x < 100; x++)
        {
            var o = opacity(x, y);
            f.Opacity[y * 100 + x] = o;
            f.Class[y * 100 + x] = o > 0.05f ? PixelClass.Shade : PixelClass.Background;
            f.BackgroundGrey[y * 100 + x] = 120f;
        }
        return (f, new MotionFrame(100, 100));
    }

    private static float[] Patch(Func<int, int, float> opacity, TravelDirection direction, IReadOnlyList<Rect>? others = null)
    {
        var (f, previous) = Frames(opacity);
        var region = SmokeRegion.Behind(Vehicle, direction, new Size(100, 100));
        var grid = new float[SmokeFeatureExtractor.GridSize * SmokeFeatureExtractor.GridSize];
        var m = new SmokeFeatureExtractor().Extract(f, previous, new float[100 * 100 * 3], Vehicle, region, direction, others ?? [], null, grid);
        Assert.Equal(SmokePatch.Length, m.Patch.Length);
        return m.Patch;
    }

    private static float Row(float[] patch, int channel, int row) => Enumerable.Range(0, S).Average(c => patch[channel * S * S + row * S + c]);

    [Theory]
    [InlineData(TravelDirection.Away)]
    [InlineData(TravelDirection.Toward)]
    [InlineData(TravelDirection.LeftToRight)]
    [InlineData(TravelDirection.RightToLeft)]
    public void The_rows_run_from_the_vehicle_outwards_whatever_the_travel_direction(TravelDirection direction)
    {
        // A puff 0.4 dark within 4 px of the vehicle's trailing edge, clear road further back.
        var patch = Patch((x, y) => direction switch
        {
            TravelDirection.Away => y >= Vehicle.Bottom && y < Vehicle.Bottom + 8,
            TravelDirection.Toward => y < Vehicle.Top && y >= Vehicle.Top - 8,
            TravelDirection.LeftToRight => x < Vehicle.Left && x >= Vehicle.Left - 8,
            _ => x >= Vehicle.Right && x < Vehicle.Right + 8,
        } ? 0.4f : 0f, direction);
        Assert.InRange(Row(patch, SmokePatch.Opacity, 0), 0.35f, 0.41f);
        Assert.InRange(Row(patch, SmokePatch.Shade, 0), 0.9f, 1f);
        Assert.Equal(0f, Row(patch, SmokePatch.Opacity, S - 1));
        // The previous frame was clear: the puff is all churn.
        Assert.InRange(Row(patch, SmokePatch.Churn, 0), 0.35f, 0.41f);
    }

    [Fact]
    public void Another_vehicle_in_the_region_is_marked_excluded_and_its_darkness_left_out()
    {
        // A dark car right behind the truck, in the left half of the region.
        var follower = new Rect(36, 66, 14, 10);
        var patch = Patch((x, y) => follower.Contains(new Point(x, y)) ? 0.8f : 0f, TravelDirection.Away, [follower]);
        Assert.Equal(0f, patch.Take(S * S).Max());
        Assert.True(patch.Skip(SmokePatch.Excluded * S * S).Take(S * S).Count(v => v > 0.99f) > S * S / 8);
    }
}

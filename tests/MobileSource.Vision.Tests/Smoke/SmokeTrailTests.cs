using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The trail corridor: road the vehicle's rear left 0.2-1.0 s ago, against control strips beside it.</summary>
public class SmokeTrailTests
{
    private static readonly Rect Now = new(40, 20, 20, 20);

    /// <summary>A box driving away (up the image) 3 px a frame, frames 0-10; frame 10 is now.</summary>
    private static List<(long, Rect)> History() =>
        Enumerable.Range(0, 11).Select(k => ((long)k, new Rect(Now.X, Now.Y + 3 * (10 - k), Now.Width, Now.Height))).ToList();

    private static MotionFrame Frame(Func<int, int, float> opacity)
    {
        var f = new MotionFrame(100, 100);
        for (var y = 0; y < 100; y++)
        for (var x = 0; x < 100; x++)
        {
            var o = opacity(x, y);
            f.Opacity[y * 100 + x] = o;
            f.Class[y * 100 + x] = o > 0.05f ? PixelClass.Shade : PixelClass.Background;
        }
        return f;
    }

    private static float[] Measure(MotionFrame f, IReadOnlyList<(long, Rect)> history)
    {
        var features = new float[SmokeFeatures.Count];
        SmokeTrail.Fill(features, f, Now, history, 10, TravelDirection.Away, []);
        return features;
    }

    [Fact]
    public void A_dark_trail_left_behind_on_the_road_is_measured_at_its_opacity()
    {
        // Plume of level 2: 1 - I/B = 0.4 on the road the vehicle has left (rows below the box), nothing beside it.
        var f = Frame((x, y) => x is >= 40 and < 60 && y >= Now.Bottom ? 0.4f : 0f);
        var features = Measure(f, History());
        Assert.InRange(features[SmokeFeatures.TrailYoung], 0.38f, 0.42f);
        Assert.InRange(5 * features[SmokeFeatures.TrailCore], 1.9f, 2.1f);
        Assert.InRange(features[SmokeFeatures.TrailShadeFraction], 0.9f, 1f);
        Assert.InRange(features[SmokeFeatures.TrailLength], 1f, 1.4f);
    }

    [Fact]
    public void A_shadow_attached_to_the_vehicle_moves_on_and_leaves_the_corridor_clear()
    {
        // A hard shadow cast backwards, 3 px deep behind the rear: inside the clearance, not on the uncovered road.
        var f = Frame((x, y) => x is >= 40 and < 60 && y >= Now.Bottom && y < Now.Bottom + 3 ? 0.5f : 0f);
        var features = Measure(f, History());
        Assert.InRange(features[SmokeFeatures.TrailYoung], -0.01f, 0.01f);
        Assert.InRange(features[SmokeFeatures.TrailCore], 0f, 0.01f);
    }

    [Fact]
    public void A_cloud_shadow_over_corridor_and_control_strips_alike_is_not_a_trail()
    {
        var f = Frame((_, y) => y > 30 ? 0.3f : 0f);
        var features = Measure(f, History());
        Assert.InRange(features[SmokeFeatures.TrailYoung], -0.01f, 0.01f);
        Assert.InRange(features[SmokeFeatures.TrailControl], 0.29f, 0.31f);
    }

    [Fact]
    public void A_track_without_history_has_no_trail()
    {
        var features = Measure(Frame((_, _) => 0.4f), [(10L, Now)]);
        Assert.Equal(-1f, features[SmokeFeatures.TrailYoung]);
        Assert.Equal(-1f, features[SmokeFeatures.TrailLength]);
    }
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The features that say whose plume lies behind a vehicle: its own, or the one of the vehicle alongside.</summary>
public class PlumeOwnershipTests
{
    private const int Size = 200;
    private static readonly Rect Vehicle = new(60, 40, 40, 40);
    /// <summary>The vehicle in the next lane, abreast, driving away too.</summary>
    private static readonly Rect Alongside = new(100, 40, 40, 40);

    [Fact]
    public void An_own_plume_is_dense_right_behind_the_vehicle_and_in_no_other_vehicles_wake()
    {
        // Leaves the exhaust under the vehicle's middle and trails straight back.
        var features = Measure((x, y) => x is >= 70 and < 90 && y >= 80 ? 0.5f : 0f);

        Assert.InRange(features[SmokeFeatures.AttachedCore], 0.4f, 0.5f);
        Assert.Equal(0f, features[SmokeFeatures.NeighbourWakeShare]);
        Assert.InRange(features[SmokeFeatures.LateralOffset], 0f, 0.05f);
    }

    [Fact]
    public void The_plume_of_the_vehicle_alongside_drifting_in_lies_in_its_wake_off_to_the_side_and_away_from_the_vehicle()
    {
        // Enters the region from the right, further back than the band behind the vehicle.
        var features = Measure((x, y) => x >= 95 && y >= 100 ? 0.5f : 0f);

        Assert.Equal(-1f, features[SmokeFeatures.AttachedCore]); // nothing in the band next to the vehicle
        Assert.Equal(1f, features[SmokeFeatures.NeighbourWakeShare]);
        Assert.InRange(features[SmokeFeatures.LateralOffset], 0.4f, 0.7f);
    }

    private static float[] Measure(Func<int, int, float> opacity)
    {
        var frame = new MotionFrame(Size, Size) { BackgroundReady = true };
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            var o = opacity(x, y);
            var p = y * Size + x;
            frame.Opacity[p] = o;
            frame.BackgroundGrey[p] = 120f;
            frame.Class[p] = o > 0 ? PixelClass.Shade : PixelClass.Background;
        }
        var region = SmokeRegion.Behind(Vehicle, TravelDirection.Away, new OpenCvSharp.Size(Size, Size));
        var grid = new float[SmokeFeatureExtractor.GridSize * SmokeFeatureExtractor.GridSize];
        var m = new SmokeFeatureExtractor().Extract(frame, new MotionFrame(Size, Size), new float[Size * Size * 3], Vehicle, region,
            TravelDirection.Away, [Alongside], null, grid);
        Assert.True(m.Measured);
        return m.Features;
    }
}

using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>Where a tracked vehicle's plate is looked for.</summary>
public static class PlateSearch
{
    /// <summary>
    /// Where the vehicle's plate is looked for (frame coordinates): between and around its tail lamps where these were
    /// found (a plate higher up in the box is the following vehicle's), else anywhere in its box and a little around.
    /// </summary>
    public static Rect Region(Rect box, VehicleRear? rear, Size frame)
    {
        Rect region;
        if (rear is { } r)
        {
            var s = r.Span;
            region = new Rect((int)(r.LeftCentre.X - PlateAroundLamps * s), (int)(r.LampY - PlateAroundLamps * 2 * s),
                (int)Math.Ceiling((1 + 2 * PlateAroundLamps) * s), (int)Math.Ceiling(PlateAroundLamps * 4 * s));
        }
        else
        {
            region = new Rect(box.X - box.Width / 10, box.Y - box.Height / 10, box.Width * 6 / 5, box.Height * 6 / 5);
        }
        return SmokeRegion.Clip(region, frame);
    }

    /// <summary>
    /// Margin around the lamp centres in which the plate is looked for, as a share of their span: sideways this much,
    /// up and down twice as much (a truck's plate sits a little above its lamps, a bus's a little below).
    /// </summary>
    public const double PlateAroundLamps = 0.25;
}

using MobileSource.Vision.Analysis;
using OpenCvSharp;

namespace MobileSource.Vision.Smoke;

/// <summary>Where a vehicle's exhaust plume trails, by travel direction.</summary>
public static class SmokeRegion
{
    /// <summary>Depth of the region behind the vehicle as a multiple of the vehicle's extent along the travel axis.</summary>
    public const double Depth = 0.7;
    /// <summary>Width of the region across the travel axis as a multiple of the vehicle's width.</summary>
    public const double Breadth = 1.2;
    /// <summary>A gap between vehicle and region, as a fraction of the vehicle's extent: the box edge wobbles by a pixel or two and would bring bumper and wheels in.</summary>
    public const double Gap = 0.15;

    /// <summary>The region behind <paramref name="vehicle"/>, clipped to the frame (may be empty).</summary>
    public static Rect Behind(Rect vehicle, TravelDirection direction, Size frame)
    {
        Rect r;
        switch (direction)
        {
            case TravelDirection.Away:
            case TravelDirection.Toward:
            {
                var w = (int)Math.Round(vehicle.Width * Breadth);
                var h = (int)Math.Round(vehicle.Height * Depth);
                var x = vehicle.X + vehicle.Width / 2 - w / 2;
                var gap = (int)Math.Ceiling(vehicle.Height * Gap) + 1;
                r = direction == TravelDirection.Away ? new Rect(x, vehicle.Bottom + gap, w, h) : new Rect(x, vehicle.Top - h - gap, w, h);
                break;
            }
            default:
            {
                var h = (int)Math.Round(vehicle.Height * Breadth);
                var w = (int)Math.Round(vehicle.Width * Depth);
                var y = vehicle.Y + vehicle.Height / 2 - h / 2;
                var gap = (int)Math.Ceiling(vehicle.Width * Gap) + 1;
                r = direction == TravelDirection.LeftToRight ? new Rect(vehicle.Left - w - gap, y, w, h) : new Rect(vehicle.Right + gap, y, w, h);
                break;
            }
        }
        return Clip(r, frame);
    }

    /// <summary>The fraction of the unclipped region that lies inside the frame.</summary>
    public static double VisibleFraction(Rect vehicle, TravelDirection direction, Size frame)
    {
        var full = direction is TravelDirection.Away or TravelDirection.Toward
            ? vehicle.Width * Breadth * vehicle.Height * Depth
            : vehicle.Height * Breadth * vehicle.Width * Depth;
        var clipped = Behind(vehicle, direction, frame);
        return full <= 0 ? 0 : clipped.Width * clipped.Height / full;
    }

    public static Rect Clip(Rect r, Size frame)
    {
        var x0 = Math.Clamp(r.Left, 0, frame.Width);
        var y0 = Math.Clamp(r.Top, 0, frame.Height);
        var x1 = Math.Clamp(r.Right, 0, frame.Width);
        var y1 = Math.Clamp(r.Bottom, 0, frame.Height);
        return new Rect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}

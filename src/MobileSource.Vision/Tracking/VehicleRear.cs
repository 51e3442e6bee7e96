using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>
/// A vehicle's rear found by its pair of tail lamps (image coordinates). The lamps sit at both outer corners, so the
/// span between their centres gives the vehicle's width, and the road the vehicle stands on lies within a known band
/// below them, whatever joined the vehicle's motion blob (its own plume, its shadow, a neighbour) and whatever part of
/// a dark body the blob missed.
/// </summary>
public readonly record struct VehicleRear(Rect LeftLamp, Rect RightLamp)
{
    /// <summary>
    /// The road lies this far below the lamp centres at least and at most, as shares of the centre span: truck lamps at
    /// bumper height (about 0.55 m up, centres 2.0 m apart: 0.27) to bus lamps about 0.95 m up (0.46). The simulator's
    /// trucks measure 0.24, its buses 0.39.
    /// </summary>
    public const double MinGroundBelow = 0.22, MaxGroundBelow = 0.5;

    /// <summary>Body beyond each lamp centre at most and at least, as shares of the centre span (a 2.5 m truck with centres 2.0 m apart: 0.12).</summary>
    public const double SideMargin = 0.2, MinSideMargin = 0.05;

    public Point2f LeftCentre => Centre(LeftLamp);
    public Point2f RightCentre => Centre(RightLamp);
    /// <summary>Distance between the lamp centres.</summary>
    public float Span => RightCentre.X - LeftCentre.X;
    /// <summary>Height of the lamp centres.</summary>
    public float LampY => (LeftCentre.Y + RightCentre.Y) / 2;
    public float CentreX => (LeftCentre.X + RightCentre.X) / 2;

    /// <summary>
    /// <paramref name="box"/> (a motion blob's box for this vehicle) brought onto the rear: its bottom into the ground
    /// band below the lamps, its sides no further out than the body can reach. The top is kept.
    /// </summary>
    public Rect Fit(Rect box, Size frame)
    {
        var minGround = (int)Math.Round(LampY + MinGroundBelow * Span);
        var maxGround = (int)Math.Round(LampY + MaxGroundBelow * Span);
        var bottom = Math.Min(frame.Height, Math.Clamp(box.Bottom, minGround, maxGround));
        var left = Math.Max(0, Math.Clamp(box.Left, (int)Math.Floor(LeftCentre.X - SideMargin * Span), (int)Math.Floor(LeftCentre.X - MinSideMargin * Span)));
        var right = Math.Min(frame.Width, Math.Clamp(box.Right, (int)Math.Ceiling(RightCentre.X + MinSideMargin * Span), (int)Math.Ceiling(RightCentre.X + SideMargin * Span)));
        var top = Math.Min(box.Top, bottom - 2);
        return new Rect(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top));
    }

    /// <summary>
    /// How much wider than an earlier rear of the same receding track a rear must be, and how far below it (in shares of
    /// the earlier span), to be another vehicle's: a receding vehicle's lamps only draw together and rise. Lamps of one
    /// vehicle read as a narrower pair on some frames (a reflector strip above them) differ by less than 1.3x.
    /// </summary>
    public const double TakeOverWidening = 1.4, TakeOverDrop = 0.2;

    /// <summary>
    /// Whether this rear, found on a track of a vehicle driving away after <paramref name="earlier"/>, belongs to another
    /// vehicle: one that came up behind, ran into the track's blob and took the track over as the first drove on.
    /// </summary>
    public bool IsAnotherVehicleThan(VehicleRear earlier) =>
        Span >= TakeOverWidening * earlier.Span && LampY >= earlier.LampY + TakeOverDrop * earlier.Span;

    /// <summary>The same rear scaled (analysis to frame coordinates, or back).</summary>
    public VehicleRear Scaled(double factor) => new(Scale(LeftLamp, factor), Scale(RightLamp, factor));

    private static Point2f Centre(Rect r) => new(r.X + r.Width / 2f, r.Y + r.Height / 2f);

    private static Rect Scale(Rect r, double f)
    {
        var x0 = (int)Math.Floor(r.Left * f);
        var y0 = (int)Math.Floor(r.Top * f);
        var x1 = (int)Math.Ceiling(r.Right * f);
        var y1 = (int)Math.Ceiling(r.Bottom * f);
        return new Rect(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
    }
}

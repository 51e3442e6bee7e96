namespace MobileSource.Vision.Tracking;

public sealed record TrackerOptions
{
    /// <summary>Frames a track may go without a blob before it ends.</summary>
    public int MaxMisses { get; init; } = 6;
    /// <summary>Matched frames before a track counts as a vehicle.</summary>
    public int MinHits { get; init; } = 3;
    public double MinIoU { get; init; } = 0.1;
    /// <summary>
    /// Largest change of a box's mean colour (grey levels, largest channel) that still continues its track: when the
    /// vehicle ahead leaves the view and the one behind drives into its place, the box stays but the colour does not.
    /// </summary>
    public double MaxColourChange { get; init; } = 20;

    /// <summary>
    /// Set (to the frame height) when vehicles drive away from the camera: once a vehicle was seen whole, its box only
    /// shrinks, so a blob that suddenly reaches further down than the box did over the last few frames is the vehicle
    /// plus its own plume or shadow (or the vehicle behind): the box keeps its roof and that height instead of
    /// swallowing the region the smoke is measured in. (A bumper that broke off for a frame may join again.)
    /// </summary>
    public int? RecedingFrameHeight { get; init; }

    /// <summary>How much a receding vehicle's box may grow in height from one frame to the next (box jitter).</summary>
    public double MaxRecedingGrowth { get; init; } = 1.08;
}

namespace MobileSource.Vision.Tracking;

public sealed record TrackerOptions
{
    /// <summary>Frames a track may go without a blob before it ends.</summary>
    public int MaxMisses { get; init; } = 6;
    /// <summary>Matched frames before a track counts as a vehicle.</summary>
    public int MinHits { get; init; } = 3;
    public double MinIoU { get; init; } = 0.1;
}

using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>What the analyzer saw in one frame, for drawing over live video.</summary>
public sealed record FrameOverlay(long FrameIndex, IReadOnlyList<TrackOverlay> Tracks)
{
    public static readonly FrameOverlay Empty = new(-1, []);
}

public sealed record TrackOverlay(int TrackId, VehicleClass Class, Rect Box, Rect? SmokeBox, double? SmokeScore, string? Plate);

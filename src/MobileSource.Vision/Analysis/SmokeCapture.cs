using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// The analyzer's decision that one tracked vehicle trails black smoke, with the key frames for evidence.
/// Frame numbers are <see cref="Video.VideoFrame.Index"/> values; times are source times.
/// The capture owns its images.
/// </summary>
public sealed class SmokeCapture : IDisposable
{
    public required int TrackId { get; init; }
    public required VehicleClass VehicleClass { get; init; }
    public required long FirstFrame { get; init; }
    public required long LastFrame { get; init; }
    /// <summary>Source times of <see cref="FirstFrame"/> and <see cref="LastFrame"/> (to find the source's own frame numbers).</summary>
    public TimeSpan FirstSourceTime { get; init; }
    public TimeSpan LastSourceTime { get; init; }
    public required long DecidingFrame { get; init; }
    public required TimeSpan DecidingSourceTime { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>Smoke model probability, 0-1 (the track's aggregate over its positive frames).</summary>
    public required double SmokeScore { get; init; }
    /// <summary>Frames the region behind the vehicle was measured, and how many of them the model judged smoky.</summary>
    public int MeasuredFrames { get; init; }
    public int PositiveFrames { get; init; }
    /// <summary>Ringelmann level 0-5 in steps of 0.25.</summary>
    public required double Ringelmann { get; init; }
    public PlateRead? Plate { get; init; }
    public required Rect VehicleBox { get; init; }
    /// <summary>Source time of the frame <see cref="VehicleBox"/> and the vehicle key frame come from.</summary>
    public TimeSpan VehicleSourceTime { get; init; }
    public required Rect SmokeBox { get; init; }
    /// <summary>The full frame where the vehicle was best seen.</summary>
    public required Mat VehicleImage { get; init; }
    /// <summary>The full frame where the plume was densest.</summary>
    public required Mat SmokeImage { get; init; }
    /// <summary>Close-up of the plate (an empty Mat when no plate was read).</summary>
    public required Mat PlateImage { get; init; }

    public void Dispose()
    {
        VehicleImage.Dispose();
        SmokeImage.Dispose();
        PlateImage.Dispose();
    }
}

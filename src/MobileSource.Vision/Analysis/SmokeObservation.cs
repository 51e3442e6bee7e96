using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>One measurement of the region behind one track on one frame (frame coordinates), for training and diagnostics.</summary>
public sealed record SmokeObservation(int TrackId, long FrameIndex, TimeSpan SourceTime, Rect VehicleBox, Rect Region,
    float[] Features, float Score, float CoreOpacity)
{
    /// <summary>The region as a <see cref="Smoke.SmokePatch"/>, when <see cref="StreamAnalyzerOptions.RecordSmokePatches"/> is on.</summary>
    public byte[]? Patch { get; init; }
}

using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// One measurement of the region behind one track on one frame (frame coordinates), for training and diagnostics;
/// <see cref="Patch"/> is the region's <see cref="Smoke.SmokePatch"/>.
/// </summary>
public sealed record SmokeObservation(int TrackId, long FrameIndex, TimeSpan SourceTime, Rect VehicleBox, Rect Region,
    float[] Features, float Score, float CoreOpacity, float[] Patch);

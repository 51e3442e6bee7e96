using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// Finds vehicles on a frame by other means than the analyzer's motion blobs: the learned detector
/// (<see cref="Tracking.VehicleDetectorModel"/>), or the simulator's truth (`analyze evaluate --truth-boxes`), which
/// measures what perfect vehicle detection would give.
/// </summary>
public interface IVehicleDetector
{
    /// <summary>The vehicles' boxes in analysis coordinates (the pixels of <paramref name="image"/>).</summary>
    IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image);
}

using MobileSource.Vision.Video;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// The whole analysis of one camera's frames, in order: motion gating, tracking, smoke and Ringelmann,
/// plate reading. Not thread-safe: one analyzer per camera.
/// </summary>
public interface IStreamAnalyzer : IDisposable
{
    /// <summary>Analyzes one frame (the caller keeps ownership) and returns captures decided on it.</summary>
    IReadOnlyList<SmokeCapture> Process(VideoFrame frame);

    /// <summary>End of stream: decides tracks still open.</summary>
    IReadOnlyList<SmokeCapture> Complete();

    /// <summary>Distinct vehicles tracked so far.</summary>
    int VehiclesSeen { get; }

    /// <summary>What the last frame showed (tracks, smoke regions, plates), for a live view.</summary>
    FrameOverlay LastOverlay { get; }
}

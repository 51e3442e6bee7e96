using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;

namespace MobileSource.Cameras.Streams;

/// <summary>Used when no analyzer is registered: frames flow (fps, snapshots, recording) but nothing is decided.</summary>
internal sealed class IdleStreamAnalyzer : IStreamAnalyzer
{
    public IReadOnlyList<SmokeCapture> Process(VideoFrame frame) => [];
    public IReadOnlyList<SmokeCapture> Complete() => [];
    public int VehiclesSeen => 0;
    public FrameOverlay LastOverlay => FrameOverlay.Empty;
    public void Dispose() { }
}

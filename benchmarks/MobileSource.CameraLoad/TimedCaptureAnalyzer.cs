using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.CameraLoad;

/// <summary>Decides a capture every <c>interval</c> frames (first at frame <c>first</c>), with the frame as evidence.</summary>
internal sealed class TimedCaptureAnalyzer(long first, long interval) : IStreamAnalyzer
{
    public IReadOnlyList<SmokeCapture> Process(VideoFrame frame)
    {
        if (frame.Index < first || (frame.Index - first) % interval != 0)
        {
            return [];
        }
        return
        [
            new SmokeCapture
            {
                TrackId = (int)frame.Index, VehicleClass = VehicleClass.Heavy, FirstFrame = frame.Index - 5, LastFrame = frame.Index,
                DecidingFrame = frame.Index, DecidingSourceTime = frame.SourceTime, DecidedAt = frame.CapturedAt,
                SmokeScore = 0.9, Ringelmann = 2, VehicleBox = new Rect(0, 0, 100, 100), SmokeBox = new Rect(0, 100, 100, 100),
                VehicleImage = frame.Image.Clone(), SmokeImage = frame.Image.Clone(), PlateImage = new Mat(),
            },
        ];
    }

    public IReadOnlyList<SmokeCapture> Complete() => [];
    public int VehiclesSeen => 0;
    public FrameOverlay LastOverlay => FrameOverlay.Empty;
    public void Dispose() { }
}

using System.Collections.Concurrent;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>Records the frames it sees; decides one capture at a given frame, or throws on a given frame.</summary>
public sealed class ScriptedAnalyzer(long? captureAt = null, long? throwAt = null) : IStreamAnalyzer
{
    public ConcurrentQueue<(long Index, TimeSpan SourceTime, int Width, int Height)> Frames { get; } = new();

    public IReadOnlyList<SmokeCapture> Process(VideoFrame frame)
    {
        Frames.Enqueue((frame.Index, frame.SourceTime, frame.Image.Width, frame.Image.Height));
        if (frame.Index == throwAt)
        {
            throw new InvalidOperationException("scripted analyzer failure");
        }
        if (frame.Index != captureAt)
        {
            return [];
        }
        return
        [
            new SmokeCapture
            {
                TrackId = 1,
                VehicleClass = VehicleClass.Heavy,
                FirstFrame = frame.Index - 10,
                LastFrame = frame.Index,
                DecidingFrame = frame.Index,
                DecidingSourceTime = frame.SourceTime,
                DecidedAt = frame.CapturedAt,
                SmokeScore = 0.9,
                Ringelmann = 2.5,
                VehicleBox = new Rect(10, 10, 50, 30),
                SmokeBox = new Rect(10, 40, 50, 30),
                VehicleImage = frame.Image.Clone(),
                SmokeImage = frame.Image.Clone(),
                PlateImage = new Mat(),
            },
        ];
    }

    public IReadOnlyList<SmokeCapture> Complete() => [];
    public int VehiclesSeen => 0;
    public FrameOverlay LastOverlay => FrameOverlay.Empty;
    public void Dispose() { }
}

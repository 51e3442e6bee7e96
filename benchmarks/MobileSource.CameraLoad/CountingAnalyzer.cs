using System.Diagnostics;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;

namespace MobileSource.CameraLoad;

/// <summary>Counts the frames a camera's analyzer processed, the wall time it spent on them and the captures it decided.</summary>
internal sealed class CountingAnalyzer(IStreamAnalyzer inner) : IStreamAnalyzer
{
    private long _frames;
    private long _ticks;
    private long _captures;

    public long Frames => Interlocked.Read(ref _frames);
    public long Captures => Interlocked.Read(ref _captures);
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public IReadOnlyList<SmokeCapture> Process(VideoFrame frame)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var captures = inner.Process(frame);
            Interlocked.Add(ref _captures, captures.Count);
            return captures;
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _frames);
        }
    }

    public IReadOnlyList<SmokeCapture> Complete()
    {
        var captures = inner.Complete();
        Interlocked.Add(ref _captures, captures.Count);
        return captures;
    }
    public int VehiclesSeen => inner.VehiclesSeen;
    public FrameOverlay LastOverlay => inner.LastOverlay;
    public void Dispose() => inner.Dispose();
}

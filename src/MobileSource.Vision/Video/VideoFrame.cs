using OpenCvSharp;

namespace MobileSource.Vision.Video;

/// <summary>
/// One decoded frame at detect resolution, BGR (CV_8UC3). <see cref="Index"/> counts frames as the source
/// delivered them after the detect-fps filter; <see cref="SourceTime"/> is the offset into the source
/// (stream time for a file, time since the stream started for a live camera), from which the source's own
/// frame number is computed for ground truth and clips. The frame owns its image.
/// </summary>
public sealed class VideoFrame(long index, TimeSpan sourceTime, DateTimeOffset capturedAt, Mat image) : IDisposable
{
    public long Index { get; } = index;
    public TimeSpan SourceTime { get; } = sourceTime;
    public DateTimeOffset CapturedAt { get; } = capturedAt;
    public Mat Image { get; } = image;

    public void Dispose() => Image.Dispose();
}

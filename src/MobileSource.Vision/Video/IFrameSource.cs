namespace MobileSource.Vision.Video;

/// <summary>A stream of frames from one camera or file. Errors are thrown as <see cref="FrameSourceException"/>.</summary>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>Frames in order until the source ends or <paramref name="ct"/> is cancelled; the caller disposes each frame.</summary>
    IAsyncEnumerable<VideoFrame> ReadFramesAsync(CancellationToken ct);
}

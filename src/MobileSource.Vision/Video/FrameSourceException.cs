namespace MobileSource.Vision.Video;

/// <summary>A source that cannot be opened or read, with a reason an operator can act on.</summary>
public sealed class FrameSourceException(string source, string reason, Exception? inner = null)
    : Exception($"{source}: {reason}", inner)
{
    public string SourceName { get; } = source;
    public string Reason { get; } = reason;
}

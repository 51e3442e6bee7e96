namespace MobileSource.Vision.Video;

/// <summary>A source that cannot be opened or read, with a reason an operator can act on.</summary>
/// <remarks><see cref="Permanent"/>: retrying cannot help (no such file, not a video, a corrupt file).</remarks>
public sealed class FrameSourceException(string source, string reason, Exception? inner = null, bool permanent = false)
    : Exception($"{source}: {reason}", inner)
{
    public bool Permanent { get; } = permanent;

    public string SourceName { get; } = source;
    public string Reason { get; } = reason;
}

using MobileSource.Vision.Video;

namespace MobileSource.Analyze;

/// <summary>The source's own frame rate and size (ffprobe), to size the detect frames and convert source times to frame numbers.</summary>
internal sealed record SourceStream(double Fps, int Width, int Height)
{
    public static async Task<SourceStream> ProbeAsync(string path, CancellationToken ct)
    {
        var probe = await VideoProbe.ProbeAsync(new FfmpegSourceOptions { Address = SourceAddress.Parse(path) }, ct);
        var fps = probe.FrameRate ?? throw new FrameSourceException(path, "not a video: no frame rate", permanent: true);
        if (probe.Width <= 0 || probe.Height <= 0)
        {
            throw new FrameSourceException(path, "not a video: no frame size", permanent: true);
        }
        return new SourceStream(fps, probe.Width, probe.Height);
    }

    /// <summary>The widest frame the CLI detects on unless told otherwise (a camera's detect stream).</summary>
    public const int DefaultMaxDetectWidth = 1280;

    /// <summary>Detect size: the source's own up to <paramref name="maxWidth"/>, else scaled to it; even numbers for ffmpeg.</summary>
    public (int Width, int Height) DetectSize(int maxWidth = DefaultMaxDetectWidth)
    {
        var w = Math.Min(Width, maxWidth);
        var h = (int)Math.Round(Height * (double)w / Width);
        return (w & ~1, Math.Max(16, h & ~1));
    }

    public long FrameAt(TimeSpan t) => (long)Math.Round(t.TotalSeconds * Fps);
}

namespace MobileSource.Vision.Video;

/// <summary>How one ffmpeg child process reads a source: detect size and rate, live replay, optional recording.</summary>
public sealed record FfmpegSourceOptions
{
    public required SourceAddress Address { get; init; }
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;
    public double Fps { get; init; } = 10;

    /// <summary>Replay a file endlessly (<c>-stream_loop -1</c>).</summary>
    public bool Loop { get; init; }

    /// <summary>Read a file at its own frame rate (<c>-re</c>), as if it were a live camera.</summary>
    public bool RealTime { get; init; }

    /// <summary>A network source that does not connect or stops answering fails after this long.</summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, the same process also records the original stream into segments here.</summary>
    public SegmentRecording? Recording { get; init; }

    /// <summary>The ffmpeg and ffprobe executables (Debian's, on PATH, by default).</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";
    public string FfprobePath { get; init; } = "ffprobe";

    public int FrameBytes => Width * Height * 3;

    public void Validate()
    {
        if (Width is < 16 or > 7680 || Width % 2 != 0)
        {
            throw new ArgumentException($"Width {Width} must be an even number between 16 and 7680");
        }
        if (Height is < 16 or > 4320 || Height % 2 != 0)
        {
            throw new ArgumentException($"Height {Height} must be an even number between 16 and 4320");
        }
        if (Fps is <= 0 or > 60)
        {
            throw new ArgumentException($"Fps {Fps} must be above 0 and at most 60");
        }
    }
}

/// <summary>
/// Short MPEG-TS segments of the original stream (copied, or re-encoded with libx264 when the codec cannot be
/// copied), named by their UTC start second, for cutting evidence clips afterwards.
/// </summary>
public sealed record SegmentRecording(string Directory, int SegmentSeconds = 2, bool Reencode = false)
{
    public const string FilePattern = "%Y%m%dT%H%M%S.ts";
}

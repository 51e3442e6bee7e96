namespace MobileSource.Vision.Video;

/// <summary>Turns what ffmpeg/ffprobe wrote to stderr into a reason an operator can act on.</summary>
internal static class FfmpegErrors
{
    private static readonly (string Needle, string Reason)[] Known =
    [
        ("No such file or directory", "file not found"),
        ("Connection refused", "connection refused (is the camera or stream server up, and the port right?)"),
        ("Connection timed out", "timed out: the source did not answer"),
        ("Operation timed out", "timed out: the source did not answer"),
        ("401 Unauthorized", "authentication failed (check the user name and password)"),
        ("403 Forbidden", "access forbidden by the camera or stream server"),
        ("404 Not Found", "stream not found on the server (404: check the path)"),
        // ffmpeg's HTTP client names only 400, 401, 403 and 404; other statuses come as classes.
        ("Server returned 4XX", "the camera or stream server refused the request (HTTP 4xx: check the path and parameters)"),
        ("Server returned 5XX", "the camera or stream server failed (HTTP 5xx: overloaded, or the stream is not running)"),
        ("Name or service not known", "host name not found"),
        ("Failed to resolve hostname", "host name not found"),
        ("Temporary failure in name resolution", "host name not found"),
        ("No route to host", "no route to host (network unreachable)"),
        ("Network is unreachable", "no route to host (network unreachable)"),
        ("Connection reset by peer", "connection reset by the source"),
        ("matches no streams", "no video stream in the source"),
        ("does not contain any stream", "no video stream in the source"),
        ("Permission denied", "permission denied reading the source"),
        ("first pts and dts value must be set", "recording failed: the stream's packets carry no timestamps"),
    ];

    /// <summary>
    /// The reason for a failure. <paramref name="slow"/> means the attempt used up the I/O timeout, which
    /// ffmpeg's RTSP client reports only as "Invalid data".
    /// </summary>
    public static string Classify(SourceAddress address, IReadOnlyList<string> stderr, bool slow, TimeSpan timeout)
    {
        foreach (var line in stderr.Reverse())
        {
            foreach (var (needle, reason) in Known)
            {
                if (line.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    return reason;
                }
            }
        }
        if (address.IsLive && slow)
        {
            return $"timed out: the source did not answer within {timeout.TotalSeconds:0.#} s";
        }
        if (stderr.Any(l => l.Contains("Invalid data found", StringComparison.OrdinalIgnoreCase)
                            || l.Contains("moov atom not found", StringComparison.OrdinalIgnoreCase)))
        {
            return address.Kind == SourceKind.File
                ? DescribeUnreadableFile(address.Value)
                : "the source did not send a stream ffmpeg can read (invalid data)";
        }
        var last = stderr.Count > 0 ? stderr[^1] : "no message";
        return $"ffmpeg failed: {Redact(address, last)}";
    }

    /// <summary>A file ffmpeg cannot open: a damaged video, or something that is no video at all.</summary>
    public static string DescribeUnreadableFile(string path)
    {
        Span<byte> head = stackalloc byte[12];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            return $"cannot read the file ({e.Message})";
        }
        var isMp4 = read >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        return isMp4
            ? "corrupt or truncated video file (MP4 index missing: the recording was cut off)"
            : "not a video file (ffmpeg found no video format in it)";
    }

    public static string Redact(SourceAddress address, string line) =>
        address.Value == address.Redacted ? line : line.Replace(address.Value, address.Redacted, StringComparison.Ordinal);
}

using System.Globalization;
using System.Text.Json;

namespace MobileSource.Vision.Video;

/// <summary>
/// What ffprobe found in a source: the first video stream's codec, size and frame rate (null when the stream
/// does not declare one), the container, the duration.
/// </summary>
public sealed record VideoProbe(string Codec, int Width, int Height, double? FrameRate, string Format, TimeSpan? Duration)
{
    private static readonly string[] StillImageFormats = ["image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "webp_pipe", "gif", "tiff_pipe"];

    /// <summary>Codecs an MPEG-TS segment and an MP4 clip can carry as they are; anything else is re-encoded.</summary>
    public bool CanCopyIntoMp4 => Codec is "h264" or "hevc";

    /// <summary>A multipart MJPEG stream (HTTP cameras): JPEGs one after another, with no timestamps.</summary>
    public bool HasNoTimestamps => Format == "mpjpeg";

    /// <summary>
    /// Probes the source and throws <see cref="FrameSourceException"/> when it is missing, unreachable or no
    /// video (including a still image passed off as a video).
    /// </summary>
    public static async Task<VideoProbe> ProbeAsync(FfmpegSourceOptions options, CancellationToken ct)
    {
        var address = options.Address;
        if (address.Kind == SourceKind.File && !File.Exists(address.Value))
        {
            throw new FrameSourceException(address.Redacted, "file not found", permanent: true);
        }
        List<string> args = ["-v", "error", "-hide_banner"];
        args.AddRange(FfmpegArguments.InputOptions(options, forProbe: true));
        args.AddRange(["-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,avg_frame_rate,r_frame_rate:format=format_name,duration",
            "-of", "json", address.Value]);
        var result = await ProcessRunner.RunAsync(options.FfprobePath, args, options.IoTimeout + TimeSpan.FromSeconds(5), ct);
        if (result.TimedOut)
        {
            throw new FrameSourceException(address.Redacted, $"timed out: the source did not answer within {options.IoTimeout.TotalSeconds:0.#} s");
        }
        if (result.ExitCode != 0)
        {
            var slow = result.Elapsed >= options.IoTimeout * 0.9;
            throw new FrameSourceException(address.Redacted, FfmpegErrors.Classify(address, result.Stderr, slow, options.IoTimeout),
                permanent: address.Kind == SourceKind.File);
        }

        using var json = JsonDocument.Parse(result.Stdout);
        var format = json.RootElement.TryGetProperty("format", out var f) && f.TryGetProperty("format_name", out var fn)
            ? fn.GetString() ?? "" : "";
        TimeSpan? duration = json.RootElement.TryGetProperty("format", out f) && f.TryGetProperty("duration", out var d)
                             && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;
        if (!json.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            throw new FrameSourceException(address.Redacted, $"not a video: no video stream (container '{format}')", permanent: !address.IsLive);
        }
        if (StillImageFormats.Contains(format))
        {
            throw new FrameSourceException(address.Redacted, $"not a video: a still image ({format.Replace("_pipe", "")})", permanent: !address.IsLive);
        }
        var stream = streams[0];
        return new VideoProbe(
            stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "" : "",
            stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            Rate(stream, "avg_frame_rate") ?? Rate(stream, "r_frame_rate"),
            format,
            duration);
    }

    /// <summary>ffprobe's "num/den" rate; "0/0" (undeclared) is null.</summary>
    private static double? Rate(JsonElement stream, string name)
    {
        if (!stream.TryGetProperty(name, out var value) || value.GetString() is not { } text)
        {
            return null;
        }
        var parts = text.Split('/');
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
               && num > 0 && den > 0
            ? num / den
            : null;
    }
}

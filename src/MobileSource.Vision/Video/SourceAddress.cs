namespace MobileSource.Vision.Video;

public enum SourceKind
{
    File,
    Rtsp,
    Http,
}

/// <summary>
/// Where a camera's video comes from: a file path, rtsp(s):// or http(s):// (MJPEG, MPEG-TS, FLV).
/// <see cref="Redacted"/> hides credentials and is the only form that may be logged or shown.
/// </summary>
public sealed record SourceAddress
{
    private SourceAddress(SourceKind kind, string value, string redacted)
    {
        Kind = kind;
        Value = value;
        Redacted = redacted;
    }

    public SourceKind Kind { get; }

    /// <summary>The address as ffmpeg needs it, credentials included. Never log this.</summary>
    public string Value { get; }

    public string Redacted { get; }

    public bool IsLive => Kind != SourceKind.File;

    public override string ToString() => Redacted;

    /// <summary>Parses and validates; <paramref name="error"/> says what is wrong in operator terms.</summary>
    public static bool TryParse(string? text, out SourceAddress? address, out string? error)
    {
        address = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty";
            return false;
        }
        text = text.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            if (text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                error = "is not a valid file path";
                return false;
            }
            address = new SourceAddress(SourceKind.File, text, text);
            return true;
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        SourceKind? kind = scheme switch
        {
            "rtsp" or "rtsps" => SourceKind.Rtsp,
            "http" or "https" => SourceKind.Http,
            _ => null,
        };
        if (kind is null)
        {
            error = $"has unsupported scheme '{scheme}' (use rtsp://, rtsps://, http://, https:// or a file path)";
            return false;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"is not a valid {scheme}:// URL ({Redact(text)})";
            return false;
        }
        address = new SourceAddress(kind.Value, text, Redact(text));
        return true;
    }

    public static SourceAddress Parse(string text) =>
        TryParse(text, out var address, out var error)
            ? address!
            : throw new FormatException($"Source {error}");

    /// <summary>rtsp://user:secret@host/x -> rtsp://***@host/x; also hides password-like query parameters.</summary>
    public static string Redact(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return text;
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }
        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        var redacted = at >= 0 ? text[..authorityStart] + "***" + text[at..] : text;
        return System.Text.RegularExpressions.Regex.Replace(
            redacted, "(?i)([?&](?:password|pwd|pass|token|key|auth)=)[^&#]*", "$1***");
    }
}

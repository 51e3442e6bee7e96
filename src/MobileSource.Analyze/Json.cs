using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MobileSource.Analyze;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}

internal sealed record BoxJson(int X, int Y, int Width, int Height)
{
    public static BoxJson? From(OpenCvSharp.Rect? r) => r is { } b ? new BoxJson(b.X, b.Y, b.Width, b.Height) : null;
}

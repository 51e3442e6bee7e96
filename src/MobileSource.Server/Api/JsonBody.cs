using System.Text.Json;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Messaging;

namespace MobileSource.Server.Api;

/// <summary>
/// Reads a JSON body ourselves, so malformed JSON gets a problem that says where it broke
/// (line, position, property path) instead of a bare 400.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (NotJson(request) is { } unsupported)
        {
            return (null, unsupported);
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, ContractTypes.Json, ct);
            return value is null ? (null, Problems.Field("$", Bilingual.Text("the body is empty or null", "请求内容为空"))) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path && path != "$" ? path.TrimStart('$', '.') : "$";
            var position = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            var chinesePosition = ex.LineNumber is { } at ? $"（第 {at + 1} 行第 {ex.BytePositionInLine + 1} 个字节）" : "";
            return (null, Problems.Field(where, Bilingual.Text($"malformed JSON{position}: {FirstSentence(ex.Message)}",
                $"此项的值格式不对{chinesePosition}，请检查")));
        }
    }

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadDocumentAsync(HttpRequest request, CancellationToken ct)
    {
        if (NotJson(request) is { } unsupported)
        {
            return (null, unsupported);
        }
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, default, ct), null);
        }
        catch (JsonException ex)
        {
            var position = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return (null, Problems.Field("$", $"malformed JSON{position}: {FirstSentence(ex.Message)}"));
        }
    }

    private static IResult? NotJson(HttpRequest request) =>
        request.ContentType is not null && request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? null
            : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected",
                detail: $"Send Content-Type application/json; got '{request.ContentType ?? "none"}'.");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}

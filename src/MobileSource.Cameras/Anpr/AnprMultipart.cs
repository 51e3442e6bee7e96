using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Cameras.Anpr;

/// <summary>
/// Reads a camera's push: multipart/form-data or multipart/mixed (Hikvision and Dahua both send either), or a
/// bare XML / JSON / text body with no pictures. Each part is read whole, up to a size limit.
/// </summary>
public static class AnprMultipart
{
    public const int MaxParts = 16;

    public static async Task<(IReadOnlyList<AnprPart> Parts, FieldError? Error)> ReadAsync(HttpRequest request, long maxPartBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return ([], new FieldError("Content-Type", $"'{request.ContentType ?? "none"}' is not a media type"));
        }
        if (!mediaType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var body = await ReadAllAsync(request.Body, maxPartBytes, ct);
            return body is null
                ? ([], new FieldError("body", $"larger than {maxPartBytes} bytes"))
                : ([new AnprPart("body", null, mediaType.MediaType.ToString(), body)], null);
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
        {
            return ([], new FieldError("Content-Type", "multipart body without a boundary"));
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxPartBytes };
        var parts = new List<AnprPart>();
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (parts.Count == MaxParts)
                {
                    return (parts, new FieldError("body", $"more than {MaxParts} parts"));
                }
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                var name = disposition?.Name.Value?.Trim('"') ?? $"part {parts.Count + 1}";
                var fileName = disposition?.FileName.Value?.Trim('"');
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct);
                parts.Add(new AnprPart(name, string.IsNullOrEmpty(fileName) ? null : fileName, section.ContentType, buffer.ToArray()));
            }
        }
        catch (InvalidDataException ex)
        {
            return (parts, new FieldError($"part {parts.Count + 1}", $"malformed multipart body: {ex.Message}"));
        }
        catch (IOException ex)
        {
            return (parts, new FieldError($"part {parts.Count + 1}", $"malformed multipart body: {ex.Message}"));
        }
        return (parts, null);
    }

    public static bool IsPicture(AnprPart part) =>
        part.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
        || part.Label.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || part.Label.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase);

    /// <summary>A picture part must really be a JPEG: the push is from a camera, not a browser.</summary>
    public static string? PictureProblem(AnprPart part, long maxBytes)
    {
        if (part.Body.Length == 0)
        {
            return "the picture is empty";
        }
        if (part.Body.Length > maxBytes)
        {
            return $"the picture is larger than {maxBytes} bytes";
        }
        if (part.Body.Length < 4 || part.Body[0] != 0xFF || part.Body[1] != 0xD8 || part.Body[2] != 0xFF)
        {
            return "not a JPEG (no FF D8 FF start of image)";
        }
        return null;
    }

    private static async Task<byte[]?> ReadAllAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

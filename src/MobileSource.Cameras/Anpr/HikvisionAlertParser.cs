using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Cameras.Anpr;

/// <summary>
/// Hikvision ISAPI EventNotificationAlert with eventType ANPR, as the camera posts it to an HTTP listening host
/// (the XML part of a multipart/form-data push, or a bare XML body). Element names are matched without the
/// ISAPI namespace, which differs between firmware versions. Errors name the part and the element path.
/// </summary>
public static class HikvisionAlertParser
{
    public const string Vendor = "hikvision";

    public static (AnprRead? Read, IReadOnlyList<FieldError> Errors) Parse(AnprPart part, TimeSpan deviceOffset)
    {
        var where = part.Label;
        XDocument document;
        try
        {
            using var stream = new MemoryStream(part.Body);
            document = XDocument.Load(stream);
        }
        catch (XmlException ex)
        {
            return (null, [new FieldError(where, $"malformed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}")]);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "EventNotificationAlert")
        {
            return (null, [new FieldError(where, $"expected an EventNotificationAlert document, got <{root.Name.LocalName}>")]);
        }
        var errors = new List<FieldError>();
        var warnings = new List<FieldError>();
        string Path(string p) => $"{where}: EventNotificationAlert/{p}";

        var eventType = Child(root, "eventType");
        if (!string.Equals(eventType, "ANPR", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError(Path("eventType"), $"expected ANPR, got '{eventType ?? "nothing"}'"));
        }
        var dateText = Child(root, "dateTime");
        DateTimeOffset eventAt = default;
        if (dateText is null || !TryTime(dateText, deviceOffset, out eventAt))
        {
            errors.Add(new FieldError(Path("dateTime"), $"expected an ISO 8601 time such as 2026-11-28T09:40:03+08:00, got '{dateText ?? "nothing"}'"));
        }
        var anpr = root.Elements().FirstOrDefault(e => e.Name.LocalName == "ANPR");
        if (anpr is null)
        {
            errors.Add(new FieldError(Path("ANPR"), "the ANPR element is missing"));
            return (null, errors);
        }
        var rawPlate = Child(anpr, "licensePlate");
        if (rawPlate is null)
        {
            errors.Add(new FieldError(Path("ANPR/licensePlate"), "is missing"));
        }
        if (!AnprPlateText.TryConfidence(Child(anpr, "confidenceLevel"), out var confidence))
        {
            errors.Add(new FieldError(Path("ANPR/confidenceLevel"), $"must be a number 0-100, got '{Child(anpr, "confidenceLevel")}'"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (plate, prefixColour, plateWarning) = AnprPlateText.Read(rawPlate!);
        if (plateWarning is not null)
        {
            warnings.Add(new FieldError(Path("ANPR/licensePlate"), plateWarning));
        }
        var colourText = Child(anpr, "plateColor");
        if (!AnprPlateText.TryColour(colourText, out var colour))
        {
            warnings.Add(new FieldError(Path("ANPR/plateColor"), $"'{colourText}' is not a known plate colour; stored as unknown"));
        }
        var vehicleType = Child(anpr, "vehicleType")
                          ?? anpr.Elements().FirstOrDefault(e => e.Name.LocalName == "vehicleInfo")?.Elements()
                              .FirstOrDefault(e => e.Name.LocalName == "vehicleType")?.Value;
        return (new AnprRead
        {
            Vendor = Vendor,
            DeviceAddress = Child(root, "ipAddress") ?? Child(root, "ipv6Address"),
            Channel = Child(root, "channelID"),
            EventAt = eventAt,
            RawPlate = rawPlate!,
            Plate = plate,
            PlateColour = (colour ?? prefixColour)?.ToString(),
            Confidence = plate is null ? null : confidence,
            VehicleType = vehicleType?.Trim() is { Length: > 0 and <= 32 } v ? v : null,
            Warnings = warnings,
        }, []);
    }

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    private static bool TryTime(string text, TimeSpan deviceOffset, out DateTimeOffset at)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out at) && HasOffset(text))
        {
            return true;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, styles | DateTimeStyles.AssumeLocal, out var local))
        {
            at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), deviceOffset);
            return true;
        }
        return false;
    }

    // "2026-11-28T09:40:03+08:00" or "...Z" carries its offset; "2026-11-28T09:40:03" is the camera's local time.
    private static bool HasOffset(string text)
    {
        var t = text.Trim();
        return t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 6 && (t[^6] == '+' || t[^6] == '-') && t[^3] == ':')
               || (t.Length > 5 && (t[^5] == '+' || t[^5] == '-') && t[^5..].Skip(1).All(char.IsAsciiDigit));
    }
}

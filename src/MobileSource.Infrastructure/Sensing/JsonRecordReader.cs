using System.Globalization;
using System.Text.Json;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// Reads typed fields out of one JSON record, collecting an error per bad field instead of stopping at the first.
/// Devices send numbers both as JSON numbers and as strings; both are accepted. Names are matched case-insensitively.
/// Fields are asked for by their national names (jlbh, nojg); <paramref name="senderNames"/> maps those to the names a
/// sender of another layout uses, and errors then name the sender's field.
/// </summary>
public sealed class JsonRecordReader
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, string>? _senderNames;
    public List<FieldError> Errors { get; } = [];

    private readonly DateTimeOffset _now;

    public JsonRecordReader(JsonElement record, DateTimeOffset now, IReadOnlyDictionary<string, string>? senderNames = null)
    {
        _now = now;
        _senderNames = senderNames;
        foreach (var property in record.EnumerateObject())
        {
            _fields[property.Name] = property.Value;
        }
    }

    /// <summary>The sender's name for a national field name.</summary>
    public string NameOf(string field) => _senderNames is not null && _senderNames.TryGetValue(field, out var name) ? name : field;

    public bool Has(string field) => _fields.ContainsKey(NameOf(field));

    public string? String(string national, int maxLength = 64, bool required = false)
    {
        var field = NameOf(national);
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            if (required)
            {
                Errors.Add(new FieldError(field, $"{field} is required"));
            }
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            Errors.Add(new FieldError(field, $"{field} must be a string, got {value.ValueKind}"));
            return null;
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Errors.Add(new FieldError(field, $"{field} is required"));
            }
            return null;
        }
        if (text.Length > maxLength)
        {
            Errors.Add(new FieldError(field, $"{field} is longer than {maxLength} characters"));
            return null;
        }
        return text;
    }

    public double? Number(string national, double min, double max, string unit, bool required = false)
    {
        var field = NameOf(national);
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
            || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
        {
            if (required)
            {
                Errors.Add(new FieldError(field, $"{field} is required"));
            }
            return null;
        }
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String
                 || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            Errors.Add(new FieldError(field, $"{field} must be a number, got {Describe(value)}"));
            return null;
        }
        if (double.IsNaN(number) || double.IsInfinity(number) || number < min || number > max)
        {
            Errors.Add(new FieldError(field,
                $"{field} {number.ToString(CultureInfo.InvariantCulture)} {unit} is outside the physical range {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)} {unit}"));
            return null;
        }
        return number;
    }

    public int? Integer(string national, int min, int max)
    {
        var number = Number(national, min, max, "");
        if (number is null)
        {
            return null;
        }
        if (number.Value != Math.Floor(number.Value))
        {
            var field = NameOf(national);
            Errors.Add(new FieldError(field, $"{field} must be a whole number"));
            return null;
        }
        return (int)number.Value;
    }

    /// <summary>
    /// ISO 8601 with an offset, or the devices' "yyyy-MM-dd HH:mm:ss" / "yyyyMMddHHmmss" in local time
    /// (<paramref name="localOffset"/>, Beijing time by default).
    /// </summary>
    public DateTimeOffset? Time(string national, TimeSpan localOffset, bool required = false)
    {
        var field = NameOf(national);
        var text = String(national, 40, required);
        if (text is null)
        {
            return null;
        }
        string[] localFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy/MM/dd HH:mm:ss", "yyyyMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"];
        DateTimeOffset? time = null;
        if (DateTime.TryParseExact(text, localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = local.Year >= EarliestYear ? new DateTimeOffset(local, localOffset) : DateTimeOffset.MinValue;
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                 && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9))
        {
            time = withOffset;
        }
        if (time is null)
        {
            Errors.Add(new FieldError(field, $"{field} '{text}' is not a time (use yyyy-MM-dd HH:mm:ss or ISO 8601)"));
            return null;
        }
        if (time.Value.Year < EarliestYear || time.Value > _now.AddDays(1))
        {
            Errors.Add(new FieldError(field, $"{field} '{text}' is outside the plausible range ({EarliestYear} to tomorrow): check the device clock"));
            return null;
        }
        return time;
    }

    /// <summary>No roadside remote sensing in China predates this; earlier times are a device clock reset.</summary>
    private const int EarliestYear = 2000;

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.ValueKind.ToString();
}

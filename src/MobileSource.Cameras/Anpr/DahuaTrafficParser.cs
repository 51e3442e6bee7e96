using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Cameras.Anpr;

/// <summary>
/// Dahua ITC (TrafficJunction / TrafficGate) pushes. The text part is JSON — {"Events":[{"Code":..,"Data":{..,
/// "TrafficCar":{"PlateNumber",..}}}]}, the RPC form {"params":{"eventList":[..]}}, or one event — or the
/// key=value form of the same fields, one per line ("Events[0].Data.TrafficCar.PlateNumber=豫F12345"), possibly
/// wrapped as "Code=TrafficJunction;action=Pulse;index=0;data={...}". Times: RealUTC is true UTC seconds; Dahua's
/// "UTC" is the device's local wall time counted as seconds, so the configured device offset is taken off it.
/// </summary>
public static class DahuaTrafficParser
{
    public const string Vendor = "dahua";

    public static (IReadOnlyList<AnprRead> Reads, IReadOnlyList<FieldError> Errors) Parse(AnprPart part, string? senderAddress, TimeSpan deviceOffset)
    {
        var where = part.Label;
        var text = Encoding.UTF8.GetString(part.Body).Trim().TrimStart('\uFEFF');
        JsonNode? root;
        try
        {
            root = ToJson(text);
        }
        catch (JsonException ex)
        {
            var position = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return ([], [new FieldError(where, $"malformed JSON{position}")]);
        }
        catch (FormatException ex)
        {
            return ([], [new FieldError(where, ex.Message)]);
        }
        var events = Events(root);
        if (events.Count == 0)
        {
            return ([], [new FieldError($"{where}: Events", "no traffic event with a TrafficCar was found")]);
        }

        var reads = new List<AnprRead>();
        var errors = new List<FieldError>();
        for (var i = 0; i < events.Count; i++)
        {
            var (read, eventErrors) = ParseEvent(events[i], $"{where}: Events[{i}]", root, senderAddress, deviceOffset);
            errors.AddRange(eventErrors);
            if (read is not null)
            {
                reads.Add(read);
            }
        }
        return errors.Count > 0 ? ([], errors) : (reads, []);
    }

    private static (AnprRead? Read, IReadOnlyList<FieldError> Errors) ParseEvent(
        JsonNode ev, string where, JsonNode? root, string? senderAddress, TimeSpan deviceOffset)
    {
        var data = ev["Data"] ?? ev;
        var car = data["TrafficCar"]!;
        var errors = new List<FieldError>();
        var warnings = new List<FieldError>();

        var rawPlate = Text(car["PlateNumber"]) ?? Text(data["Object"]?["Text"]);
        if (rawPlate is null)
        {
            errors.Add(new FieldError($"{where}.TrafficCar.PlateNumber", "is missing"));
        }
        var confidenceText = Text(car["Confidence"]) ?? Text(data["Object"]?["Confidence"]);
        if (!AnprPlateText.TryConfidence(confidenceText, out var confidence))
        {
            errors.Add(new FieldError($"{where}.TrafficCar.Confidence", $"must be a number 0-100, got '{confidenceText}'"));
        }
        var eventAt = Time(data, car, deviceOffset);
        if (eventAt is null)
        {
            errors.Add(new FieldError($"{where}.UTC", "no usable event time (RealUTC, UTC or LocaleTime)"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (plate, prefixColour, plateWarning) = AnprPlateText.Read(rawPlate!);
        if (plateWarning is not null)
        {
            warnings.Add(new FieldError($"{where}.TrafficCar.PlateNumber", plateWarning));
        }
        var colourText = Text(car["PlateColor"]);
        if (!AnprPlateText.TryColour(colourText, out var colour))
        {
            warnings.Add(new FieldError($"{where}.TrafficCar.PlateColor", $"'{colourText}' is not a known plate colour; stored as unknown"));
        }
        var vehicleType = Text(car["VehicleType"]) ?? Text(car["VehicleSize"]) ?? Text(data["Vehicle"]?["Category"]);
        return (new AnprRead
        {
            Vendor = Vendor,
            DeviceAddress = Text(car["DeviceAddress"]) ?? Text(root?["IPAddress"]) ?? senderAddress,
            Channel = Text(ev["Index"]) ?? Text(ev["Channel"]) ?? Text(root?["Channel"]),
            EventAt = eventAt!.Value,
            RawPlate = rawPlate!,
            Plate = plate,
            PlateColour = (colour ?? prefixColour)?.ToString(),
            Confidence = plate is null ? null : confidence,
            VehicleType = vehicleType is { Length: > 0 and <= 32 } ? vehicleType : null,
            Warnings = warnings,
        }, []);
    }

    private static List<JsonNode> Events(JsonNode? root)
    {
        var list = root?["Events"] as JsonArray ?? root?["params"]?["eventList"] as JsonArray;
        IEnumerable<JsonNode?> candidates = list is not null ? list : [root];
        return candidates.Where(e => e is JsonObject && (e["Data"]?["TrafficCar"] ?? e["TrafficCar"]) is JsonObject).Select(e => e!).ToList();
    }

    private static DateTimeOffset? Time(JsonNode data, JsonNode car, TimeSpan deviceOffset)
    {
        if (Seconds(data["RealUTC"]) is { } real)
        {
            return DateTimeOffset.FromUnixTimeSeconds(real).AddMilliseconds(Seconds(data["UTCMS"]) ?? 0);
        }
        if ((Seconds(data["UTC"]) ?? Seconds(car["UTC"])) is { } wall)
        {
            var local = DateTimeOffset.FromUnixTimeSeconds(wall).AddMilliseconds(Seconds(data["UTCMS"]) ?? 0);
            return new DateTimeOffset(local.DateTime, deviceOffset);
        }
        if (Text(data["LocaleTime"]) is { } localeTime
            && DateTime.TryParseExact(localeTime, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return new DateTimeOffset(parsed, deviceOffset);
        }
        return null;
    }

    private static long? Seconds(JsonNode? node) =>
        Text(node) is { } t && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v < 1e11 ? (long)v : null;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static JsonNode? ToJson(string text)
    {
        var dataAt = text.IndexOf("data={", StringComparison.OrdinalIgnoreCase);
        if (dataAt >= 0 && !text.StartsWith('{'))
        {
            text = text[(dataAt + "data=".Length)..];
        }
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            return JsonNode.Parse(text);
        }
        return KeyValues(text);
    }

    /// <summary>"Events[0].Data.TrafficCar.PlateNumber=豫F12345" lines into the JSON shape above.</summary>
    private static JsonObject KeyValues(string text)
    {
        var root = new JsonObject();
        var lineNo = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNo++;
            var line = rawLine.Trim().TrimEnd(';');
            if (line.Length == 0)
            {
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException($"line {lineNo} is neither JSON nor key=value: '{(line.Length > 60 ? line[..60] + "..." : line)}'");
            }
            JsonNode node = root;
            var segments = line[..eq].Trim().Split('.');
            for (var s = 0; s < segments.Length; s++)
            {
                var (name, index) = Segment(segments[s], lineNo);
                var last = s == segments.Length - 1;
                var obj = (JsonObject)node;
                if (index is { } i)
                {
                    var array = obj[name] as JsonArray ?? (JsonArray)(obj[name] = new JsonArray());
                    while (array.Count <= i)
                    {
                        array.Add(new JsonObject());
                    }
                    node = array[i]!;
                    if (last)
                    {
                        throw new FormatException($"line {lineNo}: '{segments[s]}' needs a field name after it");
                    }
                }
                else if (last)
                {
                    obj[name] = JsonValue.Create(line[(eq + 1)..].Trim());
                }
                else
                {
                    node = obj[name] as JsonObject ?? (JsonObject)(obj[name] = new JsonObject());
                }
            }
        }
        return root;
    }

    private static (string Name, int? Index) Segment(string segment, int lineNo)
    {
        var open = segment.IndexOf('[');
        if (open < 0)
        {
            return (segment, null);
        }
        if (!segment.EndsWith(']') || !int.TryParse(segment[(open + 1)..^1], out var index) || index is < 0 or > 63)
        {
            throw new FormatException($"line {lineNo}: bad index in '{segment}'");
        }
        return (segment[..open], index);
    }
}

using MobileSource.Domain.Plates;

namespace MobileSource.Cameras.Anpr;

/// <summary>Reads the plate text and colour words cameras send.</summary>
public static class AnprPlateText
{
    // What cameras send when they saw a vehicle but read no plate.
    private static readonly HashSet<string> NoPlate = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "unknown", "unknow", "none", "无车牌", "无牌", "未识别", "车牌", "-", "null",
    };

    private static readonly Dictionary<char, PlateColour> ColourPrefixes = new()
    {
        ['蓝'] = PlateColour.Blue, ['黄'] = PlateColour.Yellow, ['白'] = PlateColour.White, ['黑'] = PlateColour.Black, ['绿'] = PlateColour.Green,
    };

    /// <summary>
    /// The normalised plate, or null with no warning when the camera says it read none, or null with a warning
    /// when the text is not a valid plate. Some devices prefix the colour ("黄豫F12345"); that is split off.
    /// </summary>
    public static (string? Plate, PlateColour? PrefixColour, string? Warning) Read(string raw)
    {
        var text = raw.Trim();
        if (NoPlate.Contains(text))
        {
            return (null, null, null);
        }
        if (PlateNumber.TryParse(text, out var plate, out var error))
        {
            return (plate.Value, null, null);
        }
        if (text.Length > 1 && ColourPrefixes.TryGetValue(text[0], out var colour) && PlateNumber.TryParse(text[1..], out plate, out _))
        {
            return (plate.Value, colour, null);
        }
        return (null, null, $"'{raw}' is not a valid plate ({error}); the event is stored as unread");
    }

    /// <summary>A colour word (Hikvision "yellow", Dahua "Yellow", "YellowGreen", 黄色); null for unknown.</summary>
    public static bool TryColour(string? raw, out PlateColour? colour)
    {
        colour = null;
        var text = raw?.Trim() ?? "";
        if (NoPlate.Contains(text) || text.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.StartsWith("newEnergy", StringComparison.OrdinalIgnoreCase) || text.Equals("GradientGreen", StringComparison.OrdinalIgnoreCase))
        {
            colour = PlateColour.Green;
            return true;
        }
        // Numbers mean different things to every vendor; only words are trusted here.
        if (text.All(char.IsAsciiDigit) || !PlateColourCodes.TryParse(text, out var parsed))
        {
            return false;
        }
        colour = parsed;
        return true;
    }

    /// <summary>Cameras give confidence as 0-100.</summary>
    public static bool TryConfidence(string? raw, out double? confidence)
    {
        confidence = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }
        if (!double.TryParse(raw.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value is < 0 or > 100)
        {
            return false;
        }
        confidence = value / 100;
        return true;
    }
}

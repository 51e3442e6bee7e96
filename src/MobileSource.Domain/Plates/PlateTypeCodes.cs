using MobileSource.Domain.Text;

namespace MobileSource.Domain.Plates;

/// <summary>Reads GA 24.7 plate type codes ("01", "1"), English enum names and the Chinese names.</summary>
public static class PlateTypeCodes
{
    private static readonly Dictionary<string, PlateType> Names = BuildNames();

    public static bool TryParse(string? raw, out PlateType type)
    {
        type = default;
        if (raw is null)
        {
            return false;
        }
        var text = Widths.Fold(raw);
        if (text.Length == 0)
        {
            return false;
        }
        if (text.All(char.IsAsciiDigit))
        {
            if (text.Length <= 3 && int.TryParse(text, out var code) && Enum.IsDefined((PlateType)code))
            {
                type = (PlateType)code;
                return true;
            }
            return false;
        }
        if (text.EndsWith("号牌", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        return Names.TryGetValue(text, out type);
    }

    /// <summary>The two-digit GA 24.7 code, e.g. "01".</summary>
    public static string ToCode(PlateType type) => ((int)type).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, PlateType> BuildNames()
    {
        var names = new Dictionary<string, PlateType>(StringComparer.OrdinalIgnoreCase)
        {
            ["大型汽车"] = PlateType.Large,
            ["小型汽车"] = PlateType.Small,
            ["低速车"] = PlateType.LowSpeed,
            ["挂车"] = PlateType.Trailer,
            ["教练汽车"] = PlateType.DrivingSchool,
            ["警用汽车"] = PlateType.Police,
            ["大型新能源汽车"] = PlateType.LargeNewEnergy,
            ["小型新能源汽车"] = PlateType.SmallNewEnergy,
            ["其他"] = PlateType.Other,
        };
        foreach (var type in Enum.GetValues<PlateType>())
        {
            names[type.ToString()] = type;
        }
        return names;
    }

    /// <summary>The colour plates of a type are issued in (GA 36): what a record that sends only the type implies.</summary>
    public static PlateColour? UsualColour(PlateType type) => type switch
    {
        PlateType.Large or PlateType.Trailer or PlateType.DrivingSchool or PlateType.LowSpeed => PlateColour.Yellow,
        PlateType.Small => PlateColour.Blue,
        PlateType.Police => PlateColour.White,
        PlateType.LargeNewEnergy => PlateColour.YellowGreen,
        PlateType.SmallNewEnergy => PlateColour.Green,
        _ => null,
    };
}

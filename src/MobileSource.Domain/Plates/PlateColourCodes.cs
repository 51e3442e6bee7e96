using MobileSource.Domain.Text;

namespace MobileSource.Domain.Plates;

/// <summary>Reads plate colours as sources write them: English names, Chinese names and police checkpoint codes.</summary>
public static class PlateColourCodes
{
    private static readonly Dictionary<string, PlateColour> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blue"] = PlateColour.Blue,
        ["yellow"] = PlateColour.Yellow,
        ["white"] = PlateColour.White,
        ["black"] = PlateColour.Black,
        ["green"] = PlateColour.Green,
        ["yellowgreen"] = PlateColour.YellowGreen,
        ["other"] = PlateColour.Other,
        ["蓝"] = PlateColour.Blue,
        ["蓝色"] = PlateColour.Blue,
        ["黄"] = PlateColour.Yellow,
        ["黄色"] = PlateColour.Yellow,
        ["白"] = PlateColour.White,
        ["白色"] = PlateColour.White,
        ["黑"] = PlateColour.Black,
        ["黑色"] = PlateColour.Black,
        ["绿"] = PlateColour.Green,
        ["绿色"] = PlateColour.Green,
        ["渐变绿"] = PlateColour.Green,
        ["渐变绿色"] = PlateColour.Green,
        ["黄绿"] = PlateColour.YellowGreen,
        ["黄绿色"] = PlateColour.YellowGreen,
        ["其他"] = PlateColour.Other,
        ["其它"] = PlateColour.Other,
    };

    // Police checkpoint (卡口) codes. Sources agree on 0-4 and 9; 5 for yellow-green is an
    // assumption (the next free code, as some vendors use it) until a source confirms it.
    private static readonly Dictionary<int, PlateColour> PoliceCodes = new()
    {
        [0] = PlateColour.White,
        [1] = PlateColour.Yellow,
        [2] = PlateColour.Blue,
        [3] = PlateColour.Black,
        [4] = PlateColour.Green,
        [5] = PlateColour.YellowGreen,
        [9] = PlateColour.Other,
    };

    /// <summary>
    /// Parses a colour. A number is always read as a police checkpoint code (1 = yellow),
    /// never as this system's enum value (1 = blue). "蓝牌" and the like (colour + 牌) are accepted.
    /// </summary>
    public static bool TryParse(string? raw, out PlateColour colour)
    {
        colour = default;
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
            return int.TryParse(text, out var code) && PoliceCodes.TryGetValue(code, out colour);
        }
        var name = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (name.EndsWith('牌'))
        {
            name = name[..^1];
        }
        return Names.TryGetValue(name, out colour);
    }

    public static string ToChinese(PlateColour colour) => colour switch
    {
        PlateColour.Blue => "蓝色",
        PlateColour.Yellow => "黄色",
        PlateColour.White => "白色",
        PlateColour.Black => "黑色",
        PlateColour.Green => "绿色",
        PlateColour.YellowGreen => "黄绿色",
        PlateColour.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "unknown plate colour"),
    };
}

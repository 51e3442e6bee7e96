using System.Globalization;

namespace MobileSource.Benchmarks.Generation;

/// <summary>The free-text ways registries write an emission stage (pfbzjd): 国III, 国3, III, China III, 国Ⅲ, 国三, 国VI b ...</summary>
internal static class StageSpellings
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI"];
    private static readonly string[] RomanSigns = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ"];
    private static readonly string[] Chinese = ["一", "二", "三", "四", "五", "六"];

    public static string Write(Random random, int level, char? sub)
    {
        var roman = Roman[level - 1];
        var digit = level.ToString(CultureInfo.InvariantCulture);
        var s = sub is { } c ? c.ToString() : "";
        return random.Next(100) switch
        {
            < 45 => $"国{roman}{(s.Length > 0 ? " " + s : "")}",
            < 60 => $"国{digit}{s}",
            < 68 => $"{roman}{s}",
            < 74 => $"China {roman}{(s.Length > 0 ? " " + s : "")}",
            < 82 => $"国{RomanSigns[level - 1]}{s}",
            < 90 => $"国{Chinese[level - 1]}{s}",
            < 95 => $"国{roman}{s}排放",
            _ => $"GB17691-2005国{roman}{s}",
        };
    }
}

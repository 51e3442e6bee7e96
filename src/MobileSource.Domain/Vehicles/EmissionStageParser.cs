using System.Text.RegularExpressions;
using MobileSource.Domain.Text;

namespace MobileSource.Domain.Vehicles;

/// <summary>
/// Reads the emission stage from a registry's free text (PFBZJD): 国III, 国3, 国Ⅲ, 国三, III, 3, China III, CN3,
/// 国VI(b), 国6a, 国V排放, GB17691-2005国III, with any whitespace, case or full-width forms.
/// </summary>
public static partial class EmissionStageParser
{
    // After folding (half-width, no whitespace, upper case). Roman numerals longest first; the look-ahead stops
    // "VII" or "国IIII" from being read as a shorter numeral.
    private const string LevelPattern = @"(?<level>VI|IV|V|III|II|I|[1-6]|[一二三四五六]|[ⅠⅡⅢⅣⅤⅥⅰⅱⅲⅳⅴⅵ])(?![IVX0-9])";
    private const string SubPattern = @"(?:[(\-]?(?<sub>[AB])\)?)?";

    // A stage word (国, CHINA, CN; 第 as in 国第三阶段) followed by the level anywhere in the text, e.g. after a standard number.
    [GeneratedRegex("(?:国|CHINA|CN)[-_:]?第?" + LevelPattern + SubPattern)]
    private static partial Regex MarkedStage();

    // A bare level, possibly with a suffix such as 排放 or 阶段.
    [GeneratedRegex("^" + LevelPattern + SubPattern + "(?:排放|阶段|标准)?$")]
    private static partial Regex BareStage();

    public static bool TryParse(string? raw, out EmissionStage stage)
    {
        stage = default;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        var text = Widths.Fold(raw);
        var match = MarkedStage().Match(text);
        if (!match.Success)
        {
            match = BareStage().Match(text);
        }
        if (!match.Success)
        {
            return false;
        }
        var level = LevelOf(match.Groups["level"].Value);
        var subGroup = match.Groups["sub"];
        char? sub = subGroup.Success ? char.ToLowerInvariant(subGroup.Value[0]) : null;
        if (sub is not null && level != EmissionStage.MaxLevel)
        {
            return false;
        }
        stage = new EmissionStage(level, sub);
        return true;
    }

    private static int LevelOf(string token) => token switch
    {
        "I" or "1" or "一" or "Ⅰ" or "ⅰ" => 1,
        "II" or "2" or "二" or "Ⅱ" or "ⅱ" => 2,
        "III" or "3" or "三" or "Ⅲ" or "ⅲ" => 3,
        "IV" or "4" or "四" or "Ⅳ" or "ⅳ" => 4,
        "V" or "5" or "五" or "Ⅴ" or "ⅴ" => 5,
        "VI" or "6" or "六" or "Ⅵ" or "ⅵ" => 6,
        _ => throw new InvalidOperationException($"unexpected level token '{token}'"),
    };
}

using MobileSource.Domain.Text;

namespace MobileSource.Domain.Plates;

/// <summary>The character rules of civil plates (province + authority letter + serial).</summary>
internal static class PlateFormat
{
    public const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
    public const string LastCharacterSuffixes = "挂学警港澳";
    public const int StandardLength = 7;
    public const int NewEnergyLength = 8;

    public static bool IsProvince(char c) => Provinces.Contains(c);

    public static bool IsAuthorityLetter(char c) => c is >= 'A' and <= 'Z';

    /// <summary>Digits and letters except I and O, which plates never use.</summary>
    public static bool IsSerialCharacter(char c) => char.IsAsciiDigit(c) || (c is >= 'A' and <= 'Z' and not 'I' and not 'O');

    public static bool IsNewEnergyMarker(char c) => c is 'D' or 'F';

    /// <summary>Null when <paramref name="plate"/> (already normalised) is valid, else a sentence saying what is wrong.</summary>
    public static string? Validate(string plate)
    {
        if (plate.Length == 0)
        {
            return Bilingual.Text("plate is empty", "号牌为空");
        }
        if (plate.Length is not (StandardLength or NewEnergyLength))
        {
            return Bilingual.Text($"plate must be 7 or 8 characters after normalisation, got {plate.Length}", $"号牌应为 7 或 8 个字符，现为 {plate.Length} 个");
        }
        if (!IsProvince(plate[0]))
        {
            return Bilingual.Text($"'{plate[0]}' is not a province abbreviation", $"“{plate[0]}”不是省份简称");
        }
        if (!IsAuthorityLetter(plate[1]))
        {
            return Bilingual.Text($"'{plate[1]}' at position 2 must be an issuing authority letter A-Z", $"第 2 位“{plate[1]}”应为发牌机关代号 A-Z");
        }
        return plate.Length == StandardLength ? ValidateStandardSerial(plate) : ValidateNewEnergySerial(plate);
    }

    private static string? ValidateStandardSerial(string plate)
    {
        for (var i = 2; i < StandardLength - 1; i++)
        {
            if (!IsSerialCharacter(plate[i]))
            {
                return Bilingual.Text($"'{plate[i]}' at position {i + 1} is not allowed: serial characters are digits or letters A-Z except I and O",
                    $"第 {i + 1} 位“{plate[i]}”不允许：序号为数字或除 I、O 外的字母");
            }
        }
        var last = plate[StandardLength - 1];
        if (!IsSerialCharacter(last) && !LastCharacterSuffixes.Contains(last))
        {
            return Bilingual.Text($"'{last}' at position 7 is not allowed: the last character must be a digit, a letter except I and O, or one of {LastCharacterSuffixes}",
                $"第 7 位“{last}”不允许：末位应为数字、除 I、O 外的字母或{LastCharacterSuffixes}之一");
        }
        return null;
    }

    private static string? ValidateNewEnergySerial(string plate)
    {
        var serial = plate.AsSpan(2);
        var large = serial[..5].ContainsOnlyDigits() && IsNewEnergyMarker(serial[5]);
        var small = IsNewEnergyMarker(serial[0]) && IsSerialCharacter(serial[1]) && serial[2..].ContainsOnlyDigits();
        return large || small
            ? null
            : Bilingual.Text(
                $"8-character (new-energy) plate serial '{serial}' must be 5 digits followed by D or F (large vehicle), or D or F, a digit or letter other than I and O, and 4 digits (small vehicle)",
                $"新能源号牌序号“{serial}”应为 5 位数字加 D 或 F（大型车），或 D 或 F 加一位数字或字母（除 I、O）再加 4 位数字（小型车）");
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

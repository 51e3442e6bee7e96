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
            return "plate is empty";
        }
        if (plate.Length is not (StandardLength or NewEnergyLength))
        {
            return $"plate must be 7 or 8 characters after normalisation, got {plate.Length}";
        }
        if (!IsProvince(plate[0]))
        {
            return $"'{plate[0]}' is not a province abbreviation";
        }
        if (!IsAuthorityLetter(plate[1]))
        {
            return $"'{plate[1]}' at position 2 must be an issuing authority letter A-Z";
        }
        return plate.Length == StandardLength ? ValidateStandardSerial(plate) : ValidateNewEnergySerial(plate);
    }

    private static string? ValidateStandardSerial(string plate)
    {
        for (var i = 2; i < StandardLength - 1; i++)
        {
            if (!IsSerialCharacter(plate[i]))
            {
                return $"'{plate[i]}' at position {i + 1} is not allowed: serial characters are digits or letters A-Z except I and O";
            }
        }
        var last = plate[StandardLength - 1];
        if (!IsSerialCharacter(last) && !LastCharacterSuffixes.Contains(last))
        {
            return $"'{last}' at position 7 is not allowed: the last character must be a digit, a letter except I and O, or one of {LastCharacterSuffixes}";
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
            : $"8-character (new-energy) plate serial '{serial}' must be 5 digits followed by D or F (large vehicle), or D or F, a digit or letter other than I and O, and 4 digits (small vehicle)";
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

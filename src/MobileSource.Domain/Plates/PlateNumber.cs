using System.Diagnostics.CodeAnalysis;
using System.Text;
using MobileSource.Domain.Text;

namespace MobileSource.Domain.Plates;

/// <summary>A valid civil plate number, normalised: no separator, half-width, upper case (e.g. 豫F12345).</summary>
public readonly record struct PlateNumber
{
    private const char DisplaySeparator = '·';

    // Middle dots and other separators printed on plates or inserted by devices.
    private const string Separators = "·•・･∙⋅.-_";

    private readonly string? _value;

    private PlateNumber(string value) => _value = value;

    /// <summary>The normalised plate; empty for <c>default(PlateNumber)</c>.</summary>
    public string Value => _value ?? string.Empty;

    public string Province => Value.Length > 0 ? Value[..1] : string.Empty;

    /// <summary>The issuing authority letter (the second character, F for Hebi).</summary>
    public char Authority => Value.Length > 1 ? Value[1] : default;

    /// <summary>Everything after the authority letter.</summary>
    public string Serial => Value.Length > 2 ? Value[2..] : string.Empty;

    public bool IsNewEnergy => Value.Length == PlateFormat.NewEnergyLength;

    /// <summary>
    /// Full-width to half-width, separators (· • ・ ． . - _) and all whitespace removed, Latin letters upper-cased.
    /// Does not validate.
    /// </summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var folded = Widths.Fold(raw);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!Separators.Contains(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static bool TryParse(string? raw, out PlateNumber plate, [NotNullWhen(false)] out string? error)
    {
        plate = default;
        if (raw is null)
        {
            error = Bilingual.Text("plate is missing", "缺少号牌");
            return false;
        }
        var normalised = Normalize(raw);
        error = PlateFormat.Validate(normalised);
        if (error is not null)
        {
            return false;
        }
        plate = new PlateNumber(normalised);
        return true;
    }

    /// <exception cref="FormatException">The plate is not valid; the message says why.</exception>
    public static PlateNumber Parse(string raw) =>
        TryParse(raw, out var plate, out var error) ? plate : throw new FormatException(error);

    /// <summary>As printed: 豫F·12345.</summary>
    public string ToDisplay() => Value.Length > 2 ? $"{Value[..2]}{DisplaySeparator}{Value[2..]}" : Value;

    public override string ToString() => Value;
}

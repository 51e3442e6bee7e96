namespace MobileSource.Domain.Vehicles;

/// <summary>China emission stage 国I..国VI; <see cref="Sub"/> is 'a' or 'b' and only for 国VI.</summary>
public readonly record struct EmissionStage(int Level, char? Sub)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 6;

    private static readonly string[] RomanNumerals = ["I", "II", "III", "IV", "V", "VI"];

    // Get-only, so that `with` cannot make an invalid stage.
    public int Level { get; } = Level is >= MinLevel and <= MaxLevel
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, "emission stage level must be 1 to 6");

    public char? Sub { get; } = CheckSub(Level, Sub);

    public EmissionStage(int level) : this(level, null)
    {
    }

    /// <summary>The level as a Roman numeral, without the sub-stage: "VI".</summary>
    public string ToRoman() => Level is >= MinLevel and <= MaxLevel ? RomanNumerals[Level - 1] : Level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Compact storage form: "3", "6", "6b".</summary>
    public string ToCode() => $"{Level}{Sub}";

    /// <summary>"国III", "国VI b".</summary>
    public override string ToString() => Sub is null ? $"国{ToRoman()}" : $"国{ToRoman()} {Sub}";

    private static char? CheckSub(int level, char? sub) => sub switch
    {
        null => null,
        'a' or 'A' or 'b' or 'B' when level == MaxLevel => char.ToLowerInvariant(sub.Value),
        'a' or 'A' or 'b' or 'B' => throw new ArgumentException($"sub-stage '{sub}' exists only for level 6, not {level}", nameof(Sub)),
        _ => throw new ArgumentException($"sub-stage must be 'a' or 'b', got '{sub}'", nameof(Sub)),
    };
}

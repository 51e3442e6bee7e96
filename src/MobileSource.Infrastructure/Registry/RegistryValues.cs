using System.Globalization;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>How the registry's cell texts read as values. Each parser returns null and a reason when it cannot.</summary>
internal static class RegistryValues
{
    /// <summary>Column sizes of registered_vehicles: a longer value is the row's error, not the database's.</summary>
    public const int MaxVinLength = 32;
    public const int MaxTextLength = 256;

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy-M-d H:m:s", "yyyy/M/d H:m:s", "yyyy-M-d'T'H:m:s", "yyyy-M-d H:m", "yyyy/M/d H:m",
    ];

    /// <summary>Written by registries for "no stage known"; read as no stage rather than rejecting the vehicle.</summary>
    private static readonly HashSet<string> NoStage = new(StringComparer.OrdinalIgnoreCase) { "-", "/", "无", "未知", "N/A" };

    private static readonly Dictionary<string, bool> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = true, ["0"] = false, ["Y"] = true, ["N"] = false, ["yes"] = true, ["no"] = false,
        ["true"] = true, ["false"] = false, ["是"] = true, ["否"] = false,
    };

    public readonly record struct Parsed<T>(T Value, string? Error)
    {
        public static Parsed<T> Ok(T value) => new(value, null);

        public static Parsed<T> Fail(string error) => new(default!, error);
    }

    public static Parsed<PlateColour> Colour(string raw) => PlateColourCodes.TryParse(raw, out var colour)
        ? Parsed<PlateColour>.Ok(colour)
        : Parsed<PlateColour>.Fail(Bilingual.Text($"'{raw}' is not a plate colour: write its name (黄, 蓝, 绿, 黄绿, 白, 黑, yellow, ...) or the police code (0 white, 1 yellow, 2 blue, 3 black, 4 green, 9 other).",
            $"“{raw}”不是号牌颜色：请写颜色名称（黄、蓝、绿、黄绿、白、黑）或公安代码（0 白、1 黄、2 蓝、3 黑、4 绿、9 其他）。"));

    public static Parsed<PlateType> Type(string raw) => PlateTypeCodes.TryParse(raw, out var type)
        ? Parsed<PlateType>.Ok(type)
        : Parsed<PlateType>.Fail(Bilingual.Text($"'{raw}' is not a plate type: write the GA 24.7 code (01 large, 02 small, 13 low-speed, 15 trailer, 16 driving school, 23 police, 51 large new-energy, 52 small new-energy, 99 other) or its name.",
            $"“{raw}”不是号牌种类：请写 GA 24.7 代码（01 大型、02 小型、13 低速车、15 挂车、16 教练、23 警用、51 大型新能源、52 小型新能源、99 其他）或名称。"));

    public static Parsed<FuelType> Fuel(string raw) => FuelTypeCodes.TryParse(raw, out var fuel)
        ? Parsed<FuelType>.Ok(fuel)
        : Parsed<FuelType>.Fail(Bilingual.Text($"'{raw}' is not a fuel type: write the code (A gasoline, B diesel, C electric, D mixed, E natural gas, F LPG, L methanol, M ethanol, N solar, O hybrid, Z other) or its name (汽油, 柴油, ...).",
            $"“{raw}”不是燃料种类：请写代码（A 汽油、B 柴油、C 电、D 混合油、E 天然气、F 液化石油气、L 甲醇、M 乙醇、N 太阳能、O 混合动力、Z 其他）或名称。"));

    public static Parsed<EmissionStage?> Stage(string raw)
    {
        if (NoStage.Contains(raw))
        {
            return Parsed<EmissionStage?>.Ok(null);
        }
        return EmissionStageParser.TryParse(raw, out var stage)
            ? Parsed<EmissionStage?>.Ok(stage)
            : Parsed<EmissionStage?>.Fail(Bilingual.Text($"'{raw}' is not an emission stage: write it as 国III, 国3, III, China III or 国VI b (or leave it empty).",
                $"“{raw}”不是排放阶段：请写 国III、国3、III 或 国VI b（也可不填）。"));
    }

    public static Parsed<bool> Flag(string raw) => Flags.TryGetValue(raw, out var flag)
        ? Parsed<bool>.Ok(flag)
        : Parsed<bool>.Fail(Bilingual.Text($"'{raw}' is not a yes/no value: write 1/0, Y/N, true/false or 是/否 (empty is no).",
            $"“{raw}”不是是/否值：请写 1/0、Y/N、true/false 或 是/否（不填为否）。"));

    public static Parsed<DateOnly?> Date(ReadOnlySpan<char> raw) =>
        DateTime.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Parsed<DateOnly?>.Ok(DateOnly.FromDateTime(date))
            : Parsed<DateOnly?>.Fail(Bilingual.Text($"'{raw}' is not a date: write yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd (a time after it is ignored).",
                $"“{raw}”不是日期：请写 yyyy-MM-dd、yyyy/MM/dd 或 yyyyMMdd（其后的时间忽略）。"));

    public static Parsed<string?> Vin(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return Parsed<string?>.Fail(Bilingual.Text($"'{raw}' is not a VIN: only the letters A-Z and digits are allowed.",
                    $"“{raw}”不是车辆识别代号：只能包含字母 A-Z 和数字。"));
            }
        }
        return raw.Length <= MaxVinLength
            ? Parsed<string?>.Ok(raw.ToString().ToUpperInvariant())
            : Parsed<string?>.Fail(Bilingual.Text($"'{raw}' is not a VIN: it has {raw.Length} characters, at most {MaxVinLength} are allowed (a VIN has 17).",
                $"“{raw}”不是车辆识别代号：有 {raw.Length} 个字符，最多 {MaxVinLength} 个（VIN 为 17 位）。"));
    }

    public static Parsed<string?> Text(string raw) => raw.Length <= MaxTextLength
        ? Parsed<string?>.Ok(raw)
        : Parsed<string?>.Fail(Bilingual.Text($"the value has {raw.Length} characters, at most {MaxTextLength} are allowed.",
            $"该值有 {raw.Length} 个字符，最多 {MaxTextLength} 个。"));
}

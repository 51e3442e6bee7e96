using MobileSource.Domain.Text;

namespace MobileSource.Domain.Vehicles;

/// <summary>Reads fuel types as registries and devices write them: letter codes, English and Chinese names.</summary>
public static class FuelTypeCodes
{
    private static readonly char[] ListSeparators = [',', '/', ';', '、', '，', '+', '|'];

    private static readonly Dictionary<string, FuelType> Names = BuildNames();

    /// <summary>
    /// Parses a fuel type. A registry may give a vehicle several fuels, as letters ("AE") or a list
    /// ("A,E", "汽油/天然气"): every part must be recognised, and the result is the first one, the
    /// primary fuel as the registry orders them.
    /// </summary>
    public static bool TryParse(string? raw, out FuelType fuel)
    {
        fuel = default;
        if (raw is null)
        {
            return false;
        }
        var text = Widths.Fold(raw);
        var parts = text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }
        var first = default(FuelType?);
        foreach (var part in parts)
        {
            if (!TryParseOne(part, out var parsed))
            {
                return false;
            }
            first ??= parsed;
        }
        fuel = first!.Value;
        return true;
    }

    public static char ToCode(FuelType fuel) => (char)fuel;

    private static bool TryParseOne(string part, out FuelType fuel)
    {
        if (Names.TryGetValue(part, out fuel))
        {
            return true;
        }
        // Letters only, every one a code, e.g. "AB": the first letter is the primary fuel.
        foreach (var letter in part)
        {
            if (!IsCode(letter))
            {
                fuel = default;
                return false;
            }
        }
        fuel = (FuelType)part[0];
        return true;
    }

    private static bool IsCode(char c) => c is >= 'A' and <= 'Z' && Enum.IsDefined((FuelType)c);

    private static Dictionary<string, FuelType> BuildNames()
    {
        var names = new Dictionary<string, FuelType>(StringComparer.OrdinalIgnoreCase)
        {
            ["汽油"] = FuelType.Gasoline,
            ["柴油"] = FuelType.Diesel,
            ["电"] = FuelType.Electric,
            ["纯电动"] = FuelType.Electric,
            ["混合油"] = FuelType.Mixed,
            ["天然气"] = FuelType.NaturalGas,
            ["液化石油气"] = FuelType.Lpg,
            ["甲醇"] = FuelType.Methanol,
            ["乙醇"] = FuelType.Ethanol,
            ["太阳能"] = FuelType.Solar,
            ["混合动力"] = FuelType.Hybrid,
            ["其他"] = FuelType.Other,
            ["其它"] = FuelType.Other,
            ["Petrol"] = FuelType.Gasoline,
        };
        foreach (var fuel in Enum.GetValues<FuelType>())
        {
            names[fuel.ToString()] = fuel;
        }
        return names;
    }
}

using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Limits;

/// <summary>
/// Every legal threshold the system judges by, bound from the "Limits" configuration section.
/// Defaults are the cited national values; see each class.
/// </summary>
public sealed class EmissionLimits
{
    public const string SectionName = "Limits";

    public DieselLimits Diesel { get; set; } = new();

    public GasolineLimits Gasoline { get; set; } = new();

    public InspectionLimits Inspection { get; set; } = new();

    public OverLimitRuleOptions OverLimitRule { get; set; } = new();

    /// <summary>
    /// The remote-sensing limits for a fuel: diesel is judged on opacity and NO; gasoline and the other
    /// spark-ignition fuels (gas, LPG, alcohols, gasoline-oil mix, hybrid) on CO and NO, and HC when configured;
    /// electric, solar and other fuels have none.
    /// </summary>
    public IReadOnlyList<PollutantLimit> RemoteSensingLimitsFor(FuelType fuel) => fuel switch
    {
        FuelType.Diesel =>
        [
            new(Pollutant.Opacity, Diesel.OpacityPercent),
            new(Pollutant.No, Diesel.NoPpm),
        ],
        FuelType.Gasoline or FuelType.Mixed or FuelType.NaturalGas or FuelType.Lpg
            or FuelType.Methanol or FuelType.Ethanol or FuelType.Hybrid => GasolineLike(),
        _ => [],
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        Require(Diesel, "Diesel");
        Require(Gasoline, "Gasoline");
        Require(Inspection, "Inspection");
        Require(OverLimitRule, "OverLimitRule");

        Between(Diesel.OpacityPercent, 0, 100, "Diesel:OpacityPercent");
        Positive(Diesel.NoPpm, "Diesel:NoPpm");
        Between(Diesel.RingelmannLevel, 0, 5, "Diesel:RingelmannLevel");

        Between(Gasoline.CoPercent, 0, 100, "Gasoline:CoPercent");
        Positive(Gasoline.NoPpm, "Gasoline:NoPpm");
        if (Gasoline.HcPpm is { } hc)
        {
            Positive(hc, "Gasoline:HcPpm");
        }

        if (!Enum.IsDefined(Inspection.Set))
        {
            throw Bad("Inspection:Set must be A or B");
        }
        Positive(Inspection.FreeAccelerationK_A, "Inspection:FreeAccelerationK_A");
        Positive(Inspection.FreeAccelerationK_B, "Inspection:FreeAccelerationK_B");
        Positive(Inspection.LugDownK_A, "Inspection:LugDownK_A");
        Positive(Inspection.LugDownK_B, "Inspection:LugDownK_B");
        Positive(Inspection.LugDownNoxPpm_A, "Inspection:LugDownNoxPpm_A");
        Positive(Inspection.LugDownNoxPpm_B, "Inspection:LugDownNoxPpm_B");
        Between(Inspection.RingelmannLevel, 0, 5, "Inspection:RingelmannLevel");

        if (OverLimitRule.ConsecutiveReadings < 1)
        {
            throw Bad("OverLimitRule:ConsecutiveReadings must be at least 1");
        }
        if (OverLimitRule.WindowMonths < 1)
        {
            throw Bad("OverLimitRule:WindowMonths must be at least 1");
        }
    }

    private PollutantLimit[] GasolineLike() => Gasoline.HcPpm is { } hc
        ?
        [
            new(Pollutant.Co, Gasoline.CoPercent),
            new(Pollutant.Hc, hc),
            new(Pollutant.No, Gasoline.NoPpm),
        ]
        :
        [
            new(Pollutant.Co, Gasoline.CoPercent),
            new(Pollutant.No, Gasoline.NoPpm),
        ];

    private static void Require(object? section, string name)
    {
        if (section is null)
        {
            throw Bad($"{name} section is required");
        }
    }

    private static void Between(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw Bad(FormattableString.Invariant($"{name} must be between {min} and {max}, got {value}"));
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw Bad(FormattableString.Invariant($"{name} must be a positive number, got {value}"));
        }
    }

    private static ArgumentException Bad(string message) => new($"{SectionName}:{message}");
}

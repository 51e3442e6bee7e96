namespace MobileSource.Domain.RemoteSensing;

/// <summary>
/// When a remote-sensing reading is valid. No standard text with the thresholds was found: every default
/// below is unconfirmed (vendors cite 10-110 km/h and a slightly accelerating vehicle; rain, fog, high
/// humidity and strong wind invalidate readings). Speed and acceleration are required; the other
/// conditions are checked only when the device sent them.
/// </summary>
public sealed class ReadingValidityOptions
{
    public const string SectionName = "ReadingValidity";

    /// <summary>clsd minimum, m/s (10 km/h). Unconfirmed.</summary>
    public double MinSpeedMps { get; set; } = 2.8;

    /// <summary>clsd maximum, m/s (110 km/h). Unconfirmed.</summary>
    public double MaxSpeedMps { get; set; } = 30.6;

    /// <summary>cljsd minimum, m/s²: a steady or slightly decelerating vehicle is fine, braking is not. Unconfirmed.</summary>
    public double MinAccelerationMps2 { get; set; } = -0.5;

    /// <summary>cljsd maximum, m/s². Unconfirmed.</summary>
    public double MaxAccelerationMps2 { get; set; } = 3.0;

    /// <summary>vsp minimum, kW/t: an engine under load. Unconfirmed.</summary>
    public double MinVsp { get; set; } = 0;

    /// <summary>vsp maximum, kW/t. Unconfirmed.</summary>
    public double MaxVsp { get; set; } = 20;

    /// <summary>cdpd: largest road slope either way, degrees; null = not checked (the default, no source found).</summary>
    public double? MaxSlopeDegrees { get; set; }

    /// <summary>fs maximum, m/s: strong wind disperses the plume. Unconfirmed.</summary>
    public double MaxWindSpeedMps { get; set; } = 5;

    /// <summary>hjwd minimum, °C. Unconfirmed.</summary>
    public double MinTemperatureC { get; set; } = -20;

    /// <summary>hjwd maximum, °C. Unconfirmed.</summary>
    public double MaxTemperatureC { get; set; } = 45;

    /// <summary>sd maximum, %: rain and fog. Unconfirmed.</summary>
    public double MaxHumidityPercent { get; set; } = 85;

    /// <summary>sbzxd: below it the reading is still judged but flagged for a person to check the plate. Unconfirmed.</summary>
    public double MinPlateConfidence { get; set; } = 80;

    /// <summary>
    /// co2jg minimum, %: a measurable plume needs enough CO2 signal. 0 (the default) turns the check off;
    /// when on, a reading without CO2 is invalid.
    /// </summary>
    public double MinCo2Percent { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        Ordered(MinSpeedMps, MaxSpeedMps, nameof(MinSpeedMps), nameof(MaxSpeedMps));
        Ordered(MinAccelerationMps2, MaxAccelerationMps2, nameof(MinAccelerationMps2), nameof(MaxAccelerationMps2));
        Ordered(MinVsp, MaxVsp, nameof(MinVsp), nameof(MaxVsp));
        Ordered(MinTemperatureC, MaxTemperatureC, nameof(MinTemperatureC), nameof(MaxTemperatureC));
        if (MinSpeedMps < 0)
        {
            throw Bad($"{nameof(MinSpeedMps)} must not be negative");
        }
        if (MaxSlopeDegrees is { } slope && !(slope >= 0))
        {
            throw Bad($"{nameof(MaxSlopeDegrees)} must not be negative");
        }
        if (!(MaxWindSpeedMps >= 0))
        {
            throw Bad($"{nameof(MaxWindSpeedMps)} must not be negative");
        }
        if (!(MaxHumidityPercent is >= 0 and <= 100))
        {
            throw Bad($"{nameof(MaxHumidityPercent)} must be between 0 and 100");
        }
        if (!(MinPlateConfidence is >= 0 and <= 100))
        {
            throw Bad($"{nameof(MinPlateConfidence)} must be between 0 and 100");
        }
        if (!(MinCo2Percent is >= 0 and <= 100))
        {
            throw Bad($"{nameof(MinCo2Percent)} must be between 0 and 100");
        }
    }

    private static void Ordered(double min, double max, string minName, string maxName)
    {
        if (!(min <= max))
        {
            throw Bad($"{minName} must not be greater than {maxName}");
        }
    }

    private static ArgumentException Bad(string message) => new($"{SectionName}:{message}");
}

using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>One remote-sensing record as a device sends it; the device's field codes are given for each property.</summary>
public sealed record RemoteSensingReading
{
    private const double KmhPerMps = 3.6;

    /// <summary>jlbh: record number, unique per device.</summary>
    public string RecordNo { get; init; } = string.Empty;

    /// <summary>dwbh: site number.</summary>
    public string SiteNo { get; init; } = string.Empty;

    /// <summary>ycxbh: sensing line number.</summary>
    public string? LineNo { get; init; }

    /// <summary>cdxh: lane.</summary>
    public int? Lane { get; init; }

    /// <summary>jcrq: when measured.</summary>
    public DateTimeOffset MeasuredAt { get; init; }

    /// <summary>hphm exactly as sent.</summary>
    public string? PlateRaw { get; init; }

    /// <summary>The plate parsed from <see cref="PlateRaw"/>; null when it did not parse.</summary>
    public PlateNumber? Plate { get; init; }

    /// <summary>cpys.</summary>
    public PlateColour? Colour { get; init; }

    /// <summary>sbzxd: plate recognition confidence, 0-100.</summary>
    public double? PlateConfidence { get; init; }

    /// <summary>rlzl.</summary>
    public FuelType? Fuel { get; init; }

    /// <summary>co2jg, %.</summary>
    public double? Co2Percent { get; init; }

    /// <summary>cojg, %.</summary>
    public double? CoPercent { get; init; }

    /// <summary>hcjg, ppm.</summary>
    public double? HcPpm { get; init; }

    /// <summary>nojg, ppm.</summary>
    public double? NoPpm { get; init; }

    /// <summary>btgdjg, %.</summary>
    public double? OpacityPercent { get; init; }

    /// <summary>lgmhd: Ringelmann level 0-5.</summary>
    public double? Ringelmann { get; init; }

    /// <summary>clsd: speed in m/s, the unit devices send.</summary>
    public double? SpeedMps { get; init; }

    /// <summary>Speed in km/h, from <see cref="SpeedMps"/>.</summary>
    public double? SpeedKmh => SpeedMps * KmhPerMps;

    /// <summary>cljsd, m/s².</summary>
    public double? AccelerationMps2 { get; init; }

    /// <summary>vsp: vehicle specific power, kW/t.</summary>
    public double? VspKwPerTonne { get; init; }

    /// <summary>cdpd: road slope, degrees.</summary>
    public double? SlopeDegrees { get; init; }

    /// <summary>fs: wind speed, m/s.</summary>
    public double? WindSpeedMps { get; init; }

    /// <summary>hjwd: ambient temperature, °C.</summary>
    public double? TemperatureC { get; init; }

    /// <summary>sd: relative humidity, %.</summary>
    public double? HumidityPercent { get; init; }

    /// <summary>dqy: air pressure, kPa.</summary>
    public double? PressureKpa { get; init; }

    /// <summary>The measured value of a pollutant, or null when the device sent none.</summary>
    public double? ValueOf(Limits.Pollutant pollutant) => pollutant switch
    {
        Limits.Pollutant.Co => CoPercent,
        Limits.Pollutant.Hc => HcPpm,
        Limits.Pollutant.No => NoPpm,
        Limits.Pollutant.Opacity => OpacityPercent,
        Limits.Pollutant.Ringelmann => Ringelmann,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "unknown pollutant"),
    };
}

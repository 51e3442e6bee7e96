namespace MobileSource.Domain.Limits;

/// <summary>Remote-sensing limits for gasoline and other spark-ignition vehicles.</summary>
public sealed class GasolineLimits
{
    /// <summary>CO, %. GB 18285-2018 remote sensing: 2.5.</summary>
    public double CoPercent { get; set; } = 2.5;

    /// <summary>NO, ppm. GB 18285-2018 remote sensing: 1500.</summary>
    public double NoPpm { get; set; } = 1500;

    /// <summary>HC, ppm. Unconfirmed (one city uses 1200): not judged unless configured.</summary>
    public double? HcPpm { get; set; }
}

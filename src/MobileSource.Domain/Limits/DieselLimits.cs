namespace MobileSource.Domain.Limits;

/// <summary>Remote-sensing and black-smoke limits for diesel (compression ignition) vehicles.</summary>
public sealed class DieselLimits
{
    /// <summary>Smoke opacity, %. HJ 845-2017 / GB 3847-2018 remote sensing: 30.</summary>
    public double OpacityPercent { get; set; } = 30;

    /// <summary>NO, ppm. HJ 845-2017 remote sensing: 1500.</summary>
    public double NoPpm { get; set; } = 1500;

    /// <summary>Ringelmann blackness level; above it is a black-smoke vehicle. Common practice: 1 (some cities use more).</summary>
    public double RingelmannLevel { get; set; } = 1;
}

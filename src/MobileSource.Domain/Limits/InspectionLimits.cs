namespace MobileSource.Domain.Limits;

/// <summary>I/M lane test limits, GB 3847-2018 (values unconfirmed against the standard's text: configurable).</summary>
public sealed class InspectionLimits
{
    /// <summary>Which column of limits is in force in this city.</summary>
    public InspectionLimitSet Set { get; set; } = InspectionLimitSet.A;

    /// <summary>Free acceleration light absorption coefficient, m-1, limit a: 1.2.</summary>
    public double FreeAccelerationK_A { get; set; } = 1.2;

    /// <summary>Free acceleration light absorption coefficient, m-1, limit b: 0.7.</summary>
    public double FreeAccelerationK_B { get; set; } = 0.7;

    /// <summary>Lug-down light absorption coefficient, m-1, limit a: 1.2.</summary>
    public double LugDownK_A { get; set; } = 1.2;

    /// <summary>Lug-down light absorption coefficient, m-1, limit b: 0.7.</summary>
    public double LugDownK_B { get; set; } = 0.7;

    /// <summary>Lug-down NOx, ppm, limit a: 1500.</summary>
    public double LugDownNoxPpm_A { get; set; } = 1500;

    /// <summary>Lug-down NOx, ppm, limit b: 900.</summary>
    public double LugDownNoxPpm_B { get; set; } = 900;

    /// <summary>Ringelmann blackness level at inspection: 1.</summary>
    public double RingelmannLevel { get; set; } = 1;
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A remote-sensing site (dwbh) as registered by the bureau: where it is and the limits in force there.</summary>
public sealed class RegisteredSite
{
    public long Id { get; set; }
    public string SiteNo { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public int Lanes { get; set; }
    /// <summary>Limits in force at the site where they differ from the city's; null keeps the city's.</summary>
    public double? DieselOpacityPercent { get; set; }
    public double? DieselNoPpm { get; set; }
    public double? GasolineCoPercent { get; set; }
    public double? GasolineNoPpm { get; set; }
    public double? GasolineHcPpm { get; set; }
    public List<RegisteredSensingLine> Lines { get; set; } = [];
    public DateTime RegisteredAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A sensing line (ycxbh) of a site and the instrument measuring on it, with its calibration.</summary>
public sealed class RegisteredSensingLine
{
    public long Id { get; set; }
    public long SiteId { get; set; }
    public string LineNo { get; set; } = "";
    public string InstrumentSerial { get; set; } = "";
    public DateOnly? CalibratedOn { get; set; }
    public DateOnly CalibrationValidUntil { get; set; }
}

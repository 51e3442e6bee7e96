namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A remote-sensing record as stored: the values the device sent plus our judgement of it.</summary>
public sealed class StoredReading
{
    public long Id { get; set; }
    /// <summary>jlbh: the device's record number, unique; a replay with the same number is a duplicate.</summary>
    public string RecordNo { get; set; } = "";
    public string SiteNo { get; set; } = "";
    public string? LineNo { get; set; }
    public int? Lane { get; set; }
    public DateTime MeasuredAtUtc { get; set; }
    public string? PlateRaw { get; set; }
    /// <summary>Normalised plate when it parsed, else null.</summary>
    public string? Plate { get; set; }
    public int? PlateColour { get; set; }
    public double? PlateConfidence { get; set; }
    public string? Fuel { get; set; }
    public double? Co2Percent { get; set; }
    public double? CoPercent { get; set; }
    public double? HcPpm { get; set; }
    public double? NoPpm { get; set; }
    public double? OpacityPercent { get; set; }
    public double? Ringelmann { get; set; }
    public double? SpeedMps { get; set; }
    public double? AccelerationMps2 { get; set; }
    public double? Vsp { get; set; }
    public double? SlopeDegrees { get; set; }
    public double? WindSpeedMps { get; set; }
    public double? TemperatureC { get; set; }
    public double? HumidityPercent { get; set; }
    public double? PressureKpa { get; set; }
    /// <summary>Pass, Fail or Invalid.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>Comma-separated pollutants over the limit, e.g. "No,Opacity".</summary>
    public string FailedPollutants { get; set; } = "";
    /// <summary>Human-readable exceedances and invalid reasons, one per line.</summary>
    public string JudgementDetail { get; set; } = "";
    public bool NeedsPlateReview { get; set; }
    /// <summary>Why the reading must not count against the vehicle (unknown site, instrument out of calibration); null when it may.</summary>
    public string? NotForEnforcementReason { get; set; }
    /// <summary>When the server read the record off the wire.</summary>
    public DateTime ReceivedAtUtc { get; set; }
    /// <summary>When it was judged and stored (the same transaction).</summary>
    public DateTime JudgedAtUtc { get; set; }
    /// <summary>Who sent it (API key name).</summary>
    public string ReceivedFrom { get; set; } = "";
}

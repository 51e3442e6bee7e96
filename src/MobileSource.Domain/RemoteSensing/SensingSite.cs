namespace MobileSource.Domain.RemoteSensing;

/// <summary>A sensing line's instrument: which unit measures there and until when its calibration holds.</summary>
public sealed record SensingLine(string LineNo, string InstrumentSerial, DateOnly? CalibratedOn, DateOnly CalibrationValidUntil);

/// <summary>A registered remote-sensing site (dwbh) with its sensing lines (ycxbh) and the limits in force there.</summary>
public sealed record SensingSite(string SiteNo, string Name, IReadOnlyList<SensingLine> Lines, SiteLimits Limits)
{
    /// <summary>
    /// Why a reading from this site must not count against a vehicle, or null when it may. A reading is kept and judged
    /// either way; only enforcement depends on the site being registered and its instrument calibrated on the day.
    /// </summary>
    /// <param name="site">The registered site, or null when the reading's dwbh is not registered.</param>
    /// <param name="siteNo">The reading's dwbh.</param>
    /// <param name="lineNo">The reading's ycxbh; a site with a single line may leave it out.</param>
    /// <param name="measuredOn">The day measured, in local time (calibration certificates are dated locally).</param>
    public static string? NotForEnforcement(SensingSite? site, string siteNo, string? lineNo, DateOnly measuredOn)
    {
        if (site is null)
        {
            return $"site {siteNo} is not registered";
        }
        SensingLine? line;
        if (lineNo is null)
        {
            if (site.Lines.Count != 1)
            {
                return site.Lines.Count == 0
                    ? $"site {siteNo} has no registered sensing line"
                    : $"ycxbh (sensing line) is missing and site {siteNo} has {site.Lines.Count} lines";
            }
            line = site.Lines[0];
        }
        else
        {
            line = site.Lines.FirstOrDefault(l => string.Equals(l.LineNo, lineNo, StringComparison.OrdinalIgnoreCase));
            if (line is null)
            {
                return $"sensing line {lineNo} is not registered at site {siteNo}";
            }
        }
        if (measuredOn > line.CalibrationValidUntil)
        {
            return $"instrument {line.InstrumentSerial} on line {line.LineNo} was out of calibration (valid until {line.CalibrationValidUntil:yyyy-MM-dd})";
        }
        if (line.CalibratedOn is { } calibrated && measuredOn < calibrated)
        {
            return $"instrument {line.InstrumentSerial} on line {line.LineNo} was calibrated on {calibrated:yyyy-MM-dd}, after the reading";
        }
        return null;
    }
}

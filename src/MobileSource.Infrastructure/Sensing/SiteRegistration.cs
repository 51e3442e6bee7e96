using MobileSource.Domain.RemoteSensing;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>What the bureau registers for a remote-sensing site (the body of <c>PUT /api/remote-sensing/sites/{siteNo}</c>).</summary>
public sealed record SiteRegistration(
    string? Name,
    string? Address,
    double? Longitude,
    double? Latitude,
    int? Lanes,
    SiteLimits? Limits,
    IReadOnlyList<LineRegistration>? Lines);

public sealed record LineRegistration(string? LineNo, string? InstrumentSerial, DateOnly? CalibratedOn, DateOnly? CalibrationValidUntil);

public static class SiteRegistrationRules
{
    /// <summary>Every problem of a registration, by field (<c>lines[1].calibrationValidUntil</c>).</summary>
    public static IReadOnlyList<FieldError> Check(string siteNo, SiteRegistration r)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(siteNo) || siteNo.Length > 64)
        {
            errors.Add(new FieldError("siteNo", "the site number (dwbh) must be 1-64 characters"));
        }
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 128)
        {
            errors.Add(new FieldError("name", "name is required, at most 128 characters"));
        }
        if (r.Address is { Length: > 256 })
        {
            errors.Add(new FieldError("address", "address is at most 256 characters"));
        }
        if (r.Longitude is { } lon && !(lon is >= -180 and <= 180))
        {
            errors.Add(new FieldError("longitude", "longitude must be -180..180 degrees"));
        }
        if (r.Latitude is { } lat && !(lat is >= -90 and <= 90))
        {
            errors.Add(new FieldError("latitude", "latitude must be -90..90 degrees"));
        }
        if (r.Lanes is not { } lanes || lanes is < 1 or > 16)
        {
            errors.Add(new FieldError("lanes", "lanes is required, 1..16"));
        }
        CheckLimits(r.Limits, errors);
        var lines = r.Lines ?? [];
        if (lines.Count == 0)
        {
            errors.Add(new FieldError("lines", "a site needs at least one sensing line with its instrument"));
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(new FieldError(at, "must be an object"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.LineNo) || line.LineNo.Length > 64)
            {
                errors.Add(new FieldError($"{at}.lineNo", "the line number (ycxbh) is required, at most 64 characters"));
            }
            else if (lines.Take(i).Any(l => string.Equals(l?.LineNo?.Trim(), line.LineNo.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new FieldError($"{at}.lineNo", $"line {line.LineNo} is listed twice"));
            }
            if (string.IsNullOrWhiteSpace(line.InstrumentSerial) || line.InstrumentSerial.Length > 64)
            {
                errors.Add(new FieldError($"{at}.instrumentSerial", "the instrument's serial number is required, at most 64 characters"));
            }
            if (line.CalibrationValidUntil is null)
            {
                errors.Add(new FieldError($"{at}.calibrationValidUntil", "the calibration certificate's expiry date is required (yyyy-MM-dd)"));
            }
            else if (line.CalibratedOn is { } on && on > line.CalibrationValidUntil)
            {
                errors.Add(new FieldError($"{at}.calibratedOn", "calibratedOn is after calibrationValidUntil"));
            }
        }
        return errors;
    }

    private static void CheckLimits(SiteLimits? limits, List<FieldError> errors)
    {
        if (limits is null)
        {
            return;
        }
        Check(limits.DieselOpacityPercent, "limits.dieselOpacityPercent", 100, errors);
        Check(limits.DieselNoPpm, "limits.dieselNoPpm", 10000, errors);
        Check(limits.GasolineCoPercent, "limits.gasolineCoPercent", 15, errors);
        Check(limits.GasolineNoPpm, "limits.gasolineNoPpm", 10000, errors);
        Check(limits.GasolineHcPpm, "limits.gasolineHcPpm", 20000, errors);
    }

    private static void Check(double? value, string field, double max, List<FieldError> errors)
    {
        if (value is { } v && !(v > 0 && v <= max))
        {
            errors.Add(new FieldError(field, $"{field} must be above 0 and at most {max}"));
        }
    }
}

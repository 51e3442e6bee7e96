using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>The registered remote-sensing sites: looked up by the intake, registered and changed by the bureau.</summary>
public sealed class SensingSites(MobileSourceDbContext db, TimeProvider clock)
{
    public async Task<Dictionary<string, SensingSite>> FindAsync(IReadOnlyCollection<string> siteNos, CancellationToken ct)
    {
        var rows = await db.Sites.AsNoTracking().Include(s => s.Lines).Where(s => siteNos.Contains(s.SiteNo)).ToListAsync(ct);
        return rows.ToDictionary(r => r.SiteNo, ToDomain, StringComparer.Ordinal);
    }

    public async Task<RegisteredSite?> GetAsync(string siteNo, CancellationToken ct) =>
        await db.Sites.AsNoTracking().Include(s => s.Lines).SingleOrDefaultAsync(s => s.SiteNo == siteNo, ct);

    public async Task<List<RegisteredSite>> ListAsync(CancellationToken ct) =>
        await db.Sites.AsNoTracking().Include(s => s.Lines).OrderBy(s => s.SiteNo).ToListAsync(ct);

    /// <summary>Registers a site or replaces its registration (lines included); audited. Returns the problems, if any, and whether it was new.</summary>
    public async Task<(IReadOnlyList<FieldError> Errors, bool Created)> PutAsync(string siteNo, SiteRegistration registration, string actor, string? remoteAddress, CancellationToken ct)
    {
        siteNo = siteNo.Trim();
        var errors = SiteRegistrationRules.Check(siteNo, registration);
        if (errors.Count > 0)
        {
            return (errors, false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Sites.Include(s => s.Lines).SingleOrDefaultAsync(s => s.SiteNo == siteNo, ct);
        var created = row is null;
        if (row is null)
        {
            row = new RegisteredSite { SiteNo = siteNo, RegisteredAtUtc = now };
            db.Sites.Add(row);
        }
        var limits = registration.Limits ?? new SiteLimits();
        row.Name = registration.Name!.Trim();
        row.Address = registration.Address?.Trim();
        row.Longitude = registration.Longitude;
        row.Latitude = registration.Latitude;
        row.Lanes = registration.Lanes!.Value;
        row.DieselOpacityPercent = limits.DieselOpacityPercent;
        row.DieselNoPpm = limits.DieselNoPpm;
        row.GasolineCoPercent = limits.GasolineCoPercent;
        row.GasolineNoPpm = limits.GasolineNoPpm;
        row.GasolineHcPpm = limits.GasolineHcPpm;
        row.UpdatedAtUtc = now;
        row.Lines.Clear();
        foreach (var line in registration.Lines!)
        {
            row.Lines.Add(new RegisteredSensingLine
            {
                LineNo = line.LineNo!.Trim(),
                InstrumentSerial = line.InstrumentSerial!.Trim(),
                CalibratedOn = line.CalibratedOn,
                CalibrationValidUntil = line.CalibrationValidUntil!.Value,
            });
        }
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now,
            Actor = actor,
            Action = created ? "site.registered" : "site.changed",
            Subject = siteNo,
            Detail = $"{row.Name}; lines {string.Join(", ", row.Lines.Select(l => $"{l.LineNo} ({l.InstrumentSerial}, valid until {l.CalibrationValidUntil:yyyy-MM-dd})"))}"
                     + (limits.IsEmpty ? "" : $"; limits {limits}"),
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
        return ([], created);
    }

    public static SensingSite ToDomain(RegisteredSite row) => new(
        row.SiteNo,
        row.Name,
        row.Lines.OrderBy(l => l.LineNo, StringComparer.Ordinal)
            .Select(l => new SensingLine(l.LineNo, l.InstrumentSerial, l.CalibratedOn, l.CalibrationValidUntil))
            .ToList(),
        new SiteLimits(row.DieselOpacityPercent, row.DieselNoPpm, row.GasolineCoPercent, row.GasolineNoPpm, row.GasolineHcPpm));
}

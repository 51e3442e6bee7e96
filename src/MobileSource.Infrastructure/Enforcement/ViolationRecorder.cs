using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>Records a violation once per source (idempotent) and announces it; the caller saves.</summary>
public static class ViolationRecorder
{
    /// <returns>The new violation, or null when this source already produced one.</returns>
    public static async Task<Violation?> RecordAsync(
        MobileSourceDbContext db,
        string sourceKey,
        PlateIdentity vehicle,
        ListingReason reason,
        string evidence,
        string? location,
        DateTime nowUtc,
        CancellationToken ct)
    {
        if (await db.Violations.AnyAsync(v => v.SourceKey == sourceKey, ct)
            || db.Violations.Local.Any(v => v.SourceKey == sourceKey))
        {
            return null;
        }
        var violation = new Violation
        {
            Id = Guid.NewGuid(),
            SourceKey = sourceKey,
            Plate = vehicle.Number.Value,
            PlateColour = (int)vehicle.Colour,
            Reason = (int)reason,
            Evidence = evidence,
            Location = location,
            RecordedAtUtc = nowUtc,
        };
        db.Violations.Add(violation);
        db.Enqueue(new ViolationRecorded(
            violation.Id, violation.Plate, vehicle.Colour.ToString(), reason.ToString(), evidence, location, nowUtc), nowUtc);
        return violation;
    }
}

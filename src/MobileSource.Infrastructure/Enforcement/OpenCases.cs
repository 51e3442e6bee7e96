using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Enforcement;

public static class OpenCases
{
    public static Task<List<EnforcementCase>> OfAsync(MobileSourceDbContext db, PlateIdentity vehicle, CancellationToken ct) =>
        db.Cases
            .Where(c => c.Plate == vehicle.Number && c.Colour == vehicle.Colour && c.State != CaseState.Delisted)
            .OrderBy(c => c.ListedAt)
            .ToListAsync(ct);

    public static Task<bool> IsListedAsync(MobileSourceDbContext db, PlateIdentity vehicle, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Plate == vehicle.Number && c.Colour == vehicle.Colour && c.State != CaseState.Delisted, ct);
}

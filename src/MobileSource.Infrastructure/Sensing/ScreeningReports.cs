using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>One group of a high-emitter screening: vehicles measured validly, those with a failing reading, the readings.</summary>
public sealed record ScreeningRow(string Key, int VehiclesMeasured, int HighEmitters, double HighEmitterShare, int Readings, int FailedReadings);

/// <summary>A fleet operator's year: registered vehicles, those with a violation, the share, and whether it lists the fleet.</summary>
public sealed record FleetRow(string Operator, int RegisteredVehicles, int OverLimitVehicles, double Share, bool FleetListed);

/// <summary>A vehicle whose valid readings in the window all passed: a candidate to skip the lane test (clean screening).</summary>
public sealed record CleanScreenRow(string Plate, string PlateColour, int CleanReadings, DateTime LastMeasuredAtUtc, string? FleetOperator, string? EmissionStage);

/// <summary>
/// Screening reports for the bureau. Readings count when they are valid (pass or fail) and may count for enforcement (a
/// trusted plate from a registered, calibrated instrument). A high emitter is a vehicle with at least one failing reading.
/// Readings are summed per vehicle in the database; the registry's facts are joined to those vehicles here.
/// </summary>
public sealed class ScreeningReports(MobileSourceDbContext db, IOptions<BlacklistPolicy> policy)
{
    private sealed record VehicleSummary(string Plate, int Colour, string? SiteNo, int Readings, int Failed, DateTime Last);

    public async Task<IReadOnlyList<ScreeningRow>> HighEmittersAsync(string by, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        if (by == "site")
        {
            var perSite = await PerVehicleAsync(fromUtc, toUtc, bySite: true, ct);
            return Summarise(perSite.GroupBy(v => v.SiteNo!));
        }
        var vehicles = await PerVehicleAsync(fromUtc, toUtc, bySite: false, ct);
        var registry = await RegistryAsync(vehicles.Select(v => v.Plate).Distinct().ToList(), ct);
        return Summarise(vehicles.GroupBy(v =>
        {
            var facts = registry.GetValueOrDefault((v.Plate, v.Colour));
            return by == "stage"
                ? facts is null ? "(not registered)" : facts.Stage is { } stage ? $"国{stage}" : "(stage unknown)"
                : facts is null ? "(not registered)" : facts.Operator ?? "(no fleet operator)";
        }));
    }

    public async Task<IReadOnlyList<FleetRow>> FleetsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var fleets = await db.Vehicles.AsNoTracking()
            .Where(v => v.FleetOperator != null)
            .GroupBy(v => v.FleetOperator!)
            .Select(g => new { Operator = g.Key, Vehicles = g.Count() })
            .ToListAsync(ct);
        var violators = await (
                from v in db.Violations.AsNoTracking()
                where v.RecordedAtUtc >= fromUtc && v.RecordedAtUtc < toUtc
                join r in db.Vehicles.AsNoTracking() on new { v.Plate, Colour = v.PlateColour } equals new { r.Plate, Colour = r.PlateColour }
                where r.FleetOperator != null
                select new { r.FleetOperator, v.Plate, v.PlateColour })
            .Distinct()
            .ToListAsync(ct);
        var overLimit = violators.GroupBy(v => v.FleetOperator!).ToDictionary(g => g.Key, g => g.Count());
        var threshold = policy.Value.FleetOverLimitShare;
        return fleets
            .Select(f =>
            {
                var over = overLimit.GetValueOrDefault(f.Operator);
                var share = (double)over / f.Vehicles;
                return new FleetRow(f.Operator, f.Vehicles, over, Math.Round(share, 4), over > 0 && share >= threshold);
            })
            .OrderByDescending(f => f.Share).ThenBy(f => f.Operator, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<CleanScreenRow>> CleanScreenAsync(DateTime fromUtc, DateTime toUtc, int minReadings, CancellationToken ct)
    {
        var clean = (await PerVehicleAsync(fromUtc, toUtc, bySite: false, ct))
            .Where(v => v.Failed == 0 && v.Readings >= minReadings)
            .ToList();
        var plateNumbers = clean.Select(v => PlateNumber.Parse(v.Plate)).Distinct().ToList();
        var listed = (await db.Cases.AsNoTracking()
                .Where(c => plateNumbers.Contains(c.Plate) && c.State != CaseState.Delisted)
                .Select(c => new { c.Plate, c.Colour })
                .ToListAsync(ct))
            .Select(c => (c.Plate.Value, (int)c.Colour))
            .ToHashSet();
        var registry = await RegistryAsync(clean.Select(v => v.Plate).Distinct().ToList(), ct);
        return clean
            .Where(v => !listed.Contains((v.Plate, v.Colour)))
            .Select(v =>
            {
                var facts = registry.GetValueOrDefault((v.Plate, v.Colour));
                return new CleanScreenRow(v.Plate, ((PlateColour)v.Colour).ToString(), v.Readings, v.Last, facts?.Operator, facts?.Stage);
            })
            .OrderByDescending(v => v.CleanReadings).ThenBy(v => v.Plate, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<VehicleSummary>> PerVehicleAsync(DateTime fromUtc, DateTime toUtc, bool bySite, CancellationToken ct)
    {
        var usable = db.Readings.AsNoTracking().Where(r =>
            r.MeasuredAtUtc >= fromUtc && r.MeasuredAtUtc < toUtc && r.Plate != null && r.PlateColour != null
            && !r.NeedsPlateReview && r.NotForEnforcementReason == null && r.Outcome != "Invalid");
        if (bySite)
        {
            var rows = await usable
                .GroupBy(r => new { r.Plate, r.PlateColour, r.SiteNo })
                .Select(g => new { g.Key.Plate, g.Key.PlateColour, g.Key.SiteNo, Readings = g.Count(), Failed = g.Count(r => r.Outcome == "Fail"), Last = g.Max(r => r.MeasuredAtUtc) })
                .ToListAsync(ct);
            return rows.Select(r => new VehicleSummary(r.Plate!, r.PlateColour!.Value, r.SiteNo, r.Readings, r.Failed, r.Last)).ToList();
        }
        var vehicles = await usable
            .GroupBy(r => new { r.Plate, r.PlateColour })
            .Select(g => new { g.Key.Plate, g.Key.PlateColour, Readings = g.Count(), Failed = g.Count(r => r.Outcome == "Fail"), Last = g.Max(r => r.MeasuredAtUtc) })
            .ToListAsync(ct);
        return vehicles.Select(r => new VehicleSummary(r.Plate!, r.PlateColour!.Value, null, r.Readings, r.Failed, r.Last)).ToList();
    }

    private sealed record RegistryFacts(string? Operator, string? Stage);

    private async Task<Dictionary<(string, int), RegistryFacts>> RegistryAsync(List<string> plates, CancellationToken ct)
    {
        var facts = new Dictionary<(string, int), RegistryFacts>();
        foreach (var chunk in plates.Chunk(2000))
        {
            var rows = await db.Vehicles.AsNoTracking()
                .Where(v => chunk.Contains(v.Plate))
                .Select(v => new { v.Plate, v.PlateColour, v.FleetOperator, v.EmissionStage })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                facts[(r.Plate, r.PlateColour)] = new RegistryFacts(r.FleetOperator, r.EmissionStage);
            }
        }
        return facts;
    }

    private static List<ScreeningRow> Summarise(IEnumerable<IGrouping<string, VehicleSummary>> groups) => groups
        .Select(g =>
        {
            var measured = g.Count();
            var high = g.Count(v => v.Failed > 0);
            return new ScreeningRow(g.Key, measured, high, Math.Round((double)high / measured, 4), g.Sum(v => v.Readings), g.Sum(v => v.Failed));
        })
        .OrderByDescending(r => r.HighEmitters).ThenBy(r => r.Key, StringComparer.Ordinal)
        .ToList();
}

using MobileSource.Contracts;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>
/// The usable readings of the vehicles whose readings failed in one batch, loaded in two queries for the whole batch
/// (a query per failing reading was most of the over-limit consumer's cost at thousands of readings a second).
/// Usable: a plate read with confidence, from a registered and calibrated instrument, measured after the vehicle's last
/// delisting (a repaired vehicle starts afresh).
/// </summary>
public sealed class VehicleHistories
{
    private sealed record Row(string SiteNo, string RecordNo, DateTime MeasuredAtUtc, ReadingOutcome Outcome, IReadOnlyList<Domain.Limits.Pollutant> Failed);

    private readonly Dictionary<(string Plate, int Colour), List<Row>> _rows;
    private readonly int _windowMonths;
    private readonly TimeSpan _local;

    private VehicleHistories(Dictionary<(string, int), List<Row>> rows, int windowMonths, TimeSpan local)
    {
        _rows = rows;
        _windowMonths = windowMonths;
        _local = local;
    }

    public static async Task<VehicleHistories> LoadAsync(
        MobileSourceDbContext db, IReadOnlyList<RemoteSensingReadingJudged> failing, int windowMonths, TimeSpan local, CancellationToken ct)
    {
        if (failing.Count == 0)
        {
            return new VehicleHistories([], windowMonths, local);
        }
        var plates = failing.Select(f => f.Plate!).Distinct().ToList();
        var plateNumbers = plates.Select(PlateNumber.Parse).ToList();
        var delistings = await db.Cases
            .Where(c => plateNumbers.Contains(c.Plate) && c.DelistedAt != null)
            .Select(c => new { c.Plate, c.Colour, c.DelistedAt })
            .ToListAsync(ct);
        var lastDelisted = delistings
            .GroupBy(c => (c.Plate.Value, (int)c.Colour))
            .ToDictionary(g => g.Key, g => g.Max(c => c.DelistedAt!.Value.UtcDateTime));

        // One day of slack either side for the local-time calendar; the rule applies the exact window.
        var from = failing.Min(f => f.MeasuredAtUtc).AddMonths(-windowMonths).AddDays(-1);
        var to = failing.Max(f => f.MeasuredAtUtc).AddMonths(windowMonths).AddDays(1);
        var rows = await db.Readings
            .Where(r => plates.Contains(r.Plate!) && !r.NeedsPlateReview && r.NotForEnforcementReason == null
                        && r.MeasuredAtUtc > from && r.MeasuredAtUtc <= to)
            .Select(r => new { r.Plate, r.PlateColour, r.SiteNo, r.RecordNo, r.MeasuredAtUtc, r.Outcome, r.FailedPollutants })
            .ToListAsync(ct);
        var byVehicle = rows
            .Where(r => r.PlateColour is not null)
            .Where(r => !lastDelisted.TryGetValue((r.Plate!, r.PlateColour!.Value), out var delisted) || r.MeasuredAtUtc > delisted)
            .GroupBy(r => (r.Plate!, r.PlateColour!.Value))
            .ToDictionary(
                g => g.Key,
                g => g.Select(r => new Row(r.SiteNo, r.RecordNo, r.MeasuredAtUtc, Enum.Parse<ReadingOutcome>(r.Outcome),
                        ReadingsJudgedConsumer.ParsePollutants(r.FailedPollutants)))
                    .OrderBy(r => r.MeasuredAtUtc).ThenBy(r => r.RecordNo, StringComparer.Ordinal)
                    .ToList());
        return new VehicleHistories(byVehicle, windowMonths, local);
    }

    /// <summary>
    /// The vehicle's usable readings within the rule's window either side of <paramref name="measuredAtUtc"/>, oldest
    /// first, with times in local (Beijing) time so the rule's calendar months are the city's.
    /// </summary>
    public List<(string SiteNo, JudgedReading Reading)> Around(PlateIdentity vehicle, DateTime measuredAtUtc)
    {
        if (!_rows.TryGetValue((vehicle.Number.Value, (int)vehicle.Colour), out var rows))
        {
            return [];
        }
        var from = measuredAtUtc.AddMonths(-_windowMonths).AddDays(-1);
        var to = measuredAtUtc.AddMonths(_windowMonths).AddDays(1);
        return rows
            .Where(r => r.MeasuredAtUtc > from && r.MeasuredAtUtc <= to)
            .Select(r => (r.SiteNo, new JudgedReading(
                r.RecordNo,
                new DateTimeOffset(DateTime.SpecifyKind(r.MeasuredAtUtc, DateTimeKind.Utc)).ToOffset(_local),
                r.Outcome,
                r.Failed)))
            .ToList();
    }
}

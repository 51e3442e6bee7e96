using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Sensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>
/// Applies the over-limit rule to a vehicle's readings when a new one failed, and reports a listed vehicle
/// that a device has just seen.
/// </summary>
public sealed class ReadingJudgedConsumer(MobileSourceDbContext db, TimeProvider clock, IOptions<EmissionLimits> limits, IOptions<SensingOptions> sensing)
    : IdempotentConsumer<RemoteSensingReadingJudged>(db, clock)
{
    protected override async Task HandleAsync(RemoteSensingReadingJudged message, Guid messageId, CancellationToken ct)
    {
        if (message.Plate is null || message.PlateColour is null || message.NeedsPlateReview)
        {
            return; // no trustworthy plate: the reading waits for review, never straight to enforcement
        }
        var vehicle = ContractNames.Vehicle(message.Plate, message.PlateColour);
        var now = Clock.GetUtcNow().UtcDateTime;

        if (await OpenCases.IsListedAsync(Db, vehicle, ct))
        {
            Db.Enqueue(new FlaggedVehicleSighted(
                vehicle.Number.Value, message.PlateColour, $"remote-sensing site {message.SiteNo}",
                "RemoteSensing", message.RecordNo, message.MeasuredAtUtc), now);
        }

        if (message.Outcome != nameof(ReadingOutcome.Fail))
        {
            return;
        }
        var rule = limits.Value.OverLimitRule;
        var history = await HistoryAroundAsync(vehicle, message.MeasuredAtUtc, rule.WindowMonths, ct);
        var current = history.FindIndex(r => r.SiteNo == message.SiteNo && r.Reading.RecordNo == message.RecordNo);
        if (current < 0)
        {
            throw new InvalidOperationException($"Reading {message.SiteNo}/{message.RecordNo} was announced but is not stored.");
        }
        var judged = history.Select(r => r.Reading).ToList();

        // Readings can arrive out of order (a site uploads late): the new reading may complete a streak that
        // ends at a reading already stored after it, so each later failure is tried as the streak's end too.
        var ends = Enumerable.Range(current, history.Count - current).Where(i => judged[i].Outcome == ReadingOutcome.Fail);
        foreach (var end in ends)
        {
            var findings = OverLimitRule.Evaluate(judged, judged[end], rule);
            foreach (var finding in findings)
            {
                await ViolationRecorder.RecordAsync(
                    Db, $"rs:{finding.Pollutant}:{history[end].SiteNo}:{judged[end].RecordNo}", vehicle,
                    ListingReason.RemoteSensingOverLimit, Evidence(finding), $"remote-sensing site {history[end].SiteNo}", now, ct);
            }
            if (findings.Count > 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The vehicle's usable readings within a window either side of <paramref name="measuredAtUtc"/>, oldest first,
    /// with times in local (Beijing) time so the rule's calendar months are the city's. A repaired vehicle starts
    /// afresh: readings measured before its last delisting do not count.
    /// </summary>
    private async Task<List<(string SiteNo, JudgedReading Reading)>> HistoryAroundAsync(
        PlateIdentity vehicle, DateTime measuredAtUtc, int windowMonths, CancellationToken ct)
    {
        var plate = vehicle.Number.Value;
        var colour = (int)vehicle.Colour;
        var local = TimeSpan.FromHours(sensing.Value.LocalTimeOffsetHours);
        var lastDelisted = await Db.Cases
            .Where(c => c.Plate == vehicle.Number && c.Colour == vehicle.Colour && c.DelistedAt != null)
            .OrderByDescending(c => c.DelistedAt)
            .Select(c => c.DelistedAt)
            .FirstOrDefaultAsync(ct);
        // One day of slack either side for the local-time calendar; the rule applies the exact window.
        var from = measuredAtUtc.AddMonths(-windowMonths).AddDays(-1);
        var to = measuredAtUtc.AddMonths(windowMonths).AddDays(1);
        if (lastDelisted is { } delisted && delisted.UtcDateTime > from)
        {
            from = delisted.UtcDateTime;
        }
        var rows = await Db.Readings
            .Where(r => r.Plate == plate && r.PlateColour == colour && !r.NeedsPlateReview
                        && r.MeasuredAtUtc > from && r.MeasuredAtUtc <= to)
            .OrderBy(r => r.MeasuredAtUtc).ThenBy(r => r.RecordNo)
            .Select(r => new { r.SiteNo, r.RecordNo, r.MeasuredAtUtc, r.Outcome, r.FailedPollutants })
            .ToListAsync(ct);
        return rows.Select(r => (r.SiteNo, new JudgedReading(
                r.RecordNo,
                new DateTimeOffset(DateTime.SpecifyKind(r.MeasuredAtUtc, DateTimeKind.Utc)).ToOffset(local),
                Enum.Parse<ReadingOutcome>(r.Outcome),
                ParsePollutants(r.FailedPollutants))))
            .ToList();
    }

    /// <summary>Names the readings, shortening a long streak so the evidence stays readable and within its column.</summary>
    public static string Evidence(OverLimitFinding finding)
    {
        var numbers = finding.RecordNos;
        var listed = numbers.Count <= 6
            ? string.Join(", ", numbers)
            : $"{string.Join(", ", numbers.Take(3))}, ... {numbers.Count - 5} more ..., {string.Join(", ", numbers.TakeLast(2))}";
        return $"{finding.Pollutant} over the limit in {numbers.Count} consecutive readings ({listed}) from {finding.FirstAt:u} to {finding.LastAt:u}";
    }

    public static IReadOnlyList<Pollutant> ParsePollutants(string csv) =>
        string.IsNullOrEmpty(csv)
            ? []
            : csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Pollutant>).ToList();
}

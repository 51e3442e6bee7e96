using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>
/// Applies the over-limit rule to a vehicle's readings when a new one failed, and reports a listed vehicle
/// that a device has just seen.
/// </summary>
public sealed class ReadingJudgedConsumer(MobileSourceDbContext db, TimeProvider clock, IOptions<EmissionLimits> limits)
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
        var windowStart = message.MeasuredAtUtc.AddMonths(-rule.WindowMonths);
        var plate = vehicle.Number.Value;
        var colour = (int)vehicle.Colour;
        var history = await Db.Readings
            .Where(r => r.Plate == plate && r.PlateColour == colour && !r.NeedsPlateReview
                        && r.MeasuredAtUtc >= windowStart && r.MeasuredAtUtc <= message.MeasuredAtUtc)
            .Select(r => new { r.SiteNo, r.RecordNo, r.MeasuredAtUtc, r.Outcome, r.FailedPollutants })
            .ToListAsync(ct);
        var judged = history.Select(r => new JudgedReading(
                r.RecordNo,
                new DateTimeOffset(DateTime.SpecifyKind(r.MeasuredAtUtc, DateTimeKind.Utc)),
                Enum.Parse<ReadingOutcome>(r.Outcome),
                ParsePollutants(r.FailedPollutants)))
            .ToList();
        var index = history.FindIndex(r => r.SiteNo == message.SiteNo && r.RecordNo == message.RecordNo);
        if (index < 0)
        {
            throw new InvalidOperationException($"Reading {message.SiteNo}/{message.RecordNo} was announced but is not stored.");
        }
        var latest = judged[index];

        foreach (var finding in OverLimitRule.Evaluate(judged, latest, rule))
        {
            var evidence = $"{finding.Pollutant} over the limit in {finding.RecordNos.Count} consecutive readings "
                           + $"({string.Join(", ", finding.RecordNos)}) from {finding.FirstAt:u} to {finding.LastAt:u}";
            await ViolationRecorder.RecordAsync(
                Db, $"rs:{finding.Pollutant}:{message.SiteNo}:{message.RecordNo}", vehicle, ListingReason.RemoteSensingOverLimit,
                evidence, $"remote-sensing site {message.SiteNo}", now, ct);
        }
    }

    public static IReadOnlyList<Pollutant> ParsePollutants(string csv) =>
        string.IsNullOrEmpty(csv)
            ? []
            : csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Pollutant>).ToList();
}

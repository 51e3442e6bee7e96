using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>
/// Applies the over-limit rule to a vehicle's readings when a new one failed, and reports a listed vehicle that a
/// device has just seen. Readings arrive by the thousand a second, one message per intake batch; messages are taken in
/// batches again here: one transaction, and one query each for the inbox, the blacklist and the failing vehicles'
/// histories. One batch runs at a time, so two readings of one plate never race. Readings under plate review or marked
/// not for enforcement are kept out of all of it.
/// </summary>
public sealed class ReadingsJudgedConsumer(
    MobileSourceDbContext db, TimeProvider clock, IntakeStats stats, IOptions<EmissionLimits> limits, IOptions<SensingOptions> sensing)
    : IConsumer<Batch<RemoteSensingReadingsJudged>>
{
    /// <summary>Messages a batch (each up to <see cref="Sensing.ReadingIntake.MaxReadingsPerMessage"/> readings).</summary>
    public const int MaxBatch = 50;
    private const string InboxName = nameof(ReadingsJudgedConsumer);

    public async Task Consume(ConsumeContext<Batch<RemoteSensingReadingsJudged>> context)
    {
        var ct = context.CancellationToken;
        var strategy = db.Database.CreateExecutionStrategy();
        List<RemoteSensingReadingJudged> handled = [];
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var fresh = await FreshAsync(context.Message, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var readings = fresh.SelectMany(f => f.Message.Readings).ToList();
            var listed = await ListedAsync(readings, ct);
            var histories = await VehicleHistories.LoadAsync(
                db, readings.Where(r => Trustworthy(r) && r.Outcome == nameof(ReadingOutcome.Fail)).ToList(),
                limits.Value.OverLimitRule.WindowMonths, TimeSpan.FromHours(sensing.Value.LocalTimeOffsetHours), ct);
            foreach (var (_, messageId) in fresh)
            {
                db.ProcessedMessages.Add(new ProcessedMessage { Consumer = InboxName, MessageId = messageId, ProcessedAtUtc = now });
            }
            var sighted = new HashSet<(string, string)>();
            foreach (var reading in readings)
            {
                await HandleAsync(reading, listed, sighted, histories, now, ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            handled = readings;
        });
        var done = clock.GetUtcNow().UtcDateTime;
        foreach (var reading in handled)
        {
            if (reading.ReceivedAtUtc is { } received)
            {
                stats.RuleApplied(done - received);
            }
        }
    }

    /// <summary>The batch's messages not handled before (a redelivery is skipped), each once, in arrival order.</summary>
    private async Task<List<(RemoteSensingReadingsJudged Message, Guid MessageId)>> FreshAsync(Batch<RemoteSensingReadingsJudged> batch, CancellationToken ct)
    {
        var all = batch.Select(c => (c.Message, MessageId: c.MessageId
                ?? throw new InvalidOperationException($"{nameof(RemoteSensingReadingsJudged)} arrived without a MessageId.")))
            .ToList();
        var ids = all.Select(m => m.MessageId).Distinct().ToList();
        var seen = (await db.ProcessedMessages
                .Where(p => p.Consumer == InboxName && ids.Contains(p.MessageId))
                .Select(p => p.MessageId)
                .ToListAsync(ct))
            .ToHashSet();
        return all.Where(m => seen.Add(m.MessageId)).ToList();
    }

    /// <summary>Which of these plates are on the blacklist now, and for which reasons.</summary>
    private async Task<Dictionary<(string Plate, PlateColour Colour), HashSet<ListingReason>>> ListedAsync(
        IEnumerable<RemoteSensingReadingJudged> messages, CancellationToken ct)
    {
        var plates = messages.Where(Trustworthy).Select(m => PlateNumber.Parse(m.Plate!)).Distinct().ToList();
        if (plates.Count == 0)
        {
            return [];
        }
        var open = await db.Cases
            .Where(c => plates.Contains(c.Plate) && c.State != CaseState.Delisted)
            .Select(c => new { c.Plate, c.Colour, c.Reason })
            .ToListAsync(ct);
        return open.GroupBy(c => (c.Plate.Value, c.Colour)).ToDictionary(g => g.Key, g => g.Select(c => c.Reason).ToHashSet());
    }

    /// <summary>A reading that may count against a vehicle: a plate read with confidence, from a registered, calibrated instrument.</summary>
    private static bool Trustworthy(RemoteSensingReadingJudged m) =>
        m.Plate is not null && m.PlateColour is not null && !m.NeedsPlateReview && m.NotForEnforcementReason is null;

    private async Task HandleAsync(
        RemoteSensingReadingJudged message, Dictionary<(string, PlateColour), HashSet<ListingReason>> listed,
        HashSet<(string Plate, string Site)> sighted, VehicleHistories histories, DateTime now, CancellationToken ct)
    {
        if (!Trustworthy(message))
        {
            return; // the plate waits for review, or the instrument cannot be trusted: never straight to enforcement
        }
        var vehicle = ContractNames.Vehicle(message.Plate!, message.PlateColour!);
        var reasons = listed.GetValueOrDefault((vehicle.Number.Value, vehicle.Colour));

        // One sighting alert per vehicle and site a batch: a site that measured it three times in a minute is one hit.
        if (reasons is not null && sighted.Add((vehicle.Number.Value, message.SiteNo)))
        {
            db.Enqueue(new FlaggedVehicleSighted(
                vehicle.Number.Value, message.PlateColour!, AlertPlaces.OfSensingSite(message.SiteNo),
                "RemoteSensing", message.RecordNo, message.MeasuredAtUtc), now);
        }

        // A vehicle already listed for exceeding the limit gets no further over-limit violation until it is delisted:
        // its case is open and its failing readings are sightings. (A violation per further failure only joined the case,
        // at a transaction and a message each.)
        if (message.Outcome != nameof(ReadingOutcome.Fail) || reasons?.Contains(ListingReason.RemoteSensingOverLimit) == true)
        {
            return;
        }
        var rule = limits.Value.OverLimitRule;
        var history = histories.Around(vehicle, message.MeasuredAtUtc);
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
                    db, $"rs:{finding.Pollutant}:{history[end].SiteNo}:{judged[end].RecordNo}", vehicle,
                    ListingReason.RemoteSensingOverLimit, Evidence(finding), AlertPlaces.OfSensingSite(history[end].SiteNo), now, ct);
            }
            if (findings.Count > 0)
            {
                return;
            }
        }
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

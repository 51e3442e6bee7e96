using System.Text.Json;
using MobileSource.Contracts;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Domain.Vehicles;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Sensing;

public sealed class SensingOptions
{
    /// <summary>Offset of device times that carry none (jcrq "2026-11-29 08:00:00"); Beijing time.</summary>
    public double LocalTimeOffsetHours { get; set; } = 8;
    public ReadingValidityOptions Validity { get; set; } = new();

    /// <summary>The local day an instant falls on.</summary>
    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime.AddHours(LocalTimeOffsetHours));

    /// <summary>The UTC instant a local day begins.</summary>
    public DateTime UtcStartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-LocalTimeOffsetHours);
}

public enum IntakeStatus
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>One record's result; <c>NotForEnforcementReason</c> says why an accepted reading will not count against the vehicle.</summary>
/// <summary>A device record as it arrived: who sent it and when the server read it.</summary>
public sealed record IncomingRecord(JsonElement Record, string ReceivedFrom, DateTime ReceivedAtUtc);

public sealed record IntakeResult(int Index, string? RecordNo, IntakeStatus Status, IReadOnlyList<FieldError> Errors, ReadingJudgement? Judgement, string? NotForEnforcementReason = null);

/// <summary>
/// Takes a batch of device records: each is validated on its own, judged by the limits in force at its site, stored and
/// announced in one transaction. A bad record is rejected alone; a record number already stored for the same site is a
/// duplicate. A reading from an unregistered site or an instrument out of calibration is kept, marked not for enforcement.
/// </summary>
public sealed class ReadingIntake(
    MobileSourceDbContext db, DatabaseSettings database, SensingSites sites, TimeProvider clock, IOptions<EmissionLimits> limits, IOptions<SensingOptions> options)
{
    /// <summary>Readings per announcement: one message carries at most this many.</summary>
    public const int MaxReadingsPerMessage = 200;

    public Task<IReadOnlyList<IntakeResult>> TakeAsync(IReadOnlyList<JsonElement> records, string receivedFrom, CancellationToken ct) =>
        TakeAsync(records.Select(r => new IncomingRecord(r, receivedFrom, clock.GetUtcNow().UtcDateTime)).ToList(), ct);

    /// <summary>Records from several senders at once (the intake queue gathers them); results in the same order.</summary>
    public async Task<IReadOnlyList<IntakeResult>> TakeAsync(IReadOnlyList<IncomingRecord> records, CancellationToken ct)
    {
        try
        {
            return await TakeOnceAsync(records, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another batch stored one of these record numbers between our duplicate check and our commit.
            // Nothing of ours was committed; a second pass sees those records as duplicates.
            db.ChangeTracker.Clear();
            return await TakeOnceAsync(records, ct);
        }
    }

    private async Task<IReadOnlyList<IntakeResult>> TakeOnceAsync(IReadOnlyList<IncomingRecord> records, CancellationToken ct)
    {
        var offset = TimeSpan.FromHours(options.Value.LocalTimeOffsetHours);
        var results = new IntakeResult?[records.Count];
        var parsed = new List<(int Index, RemoteSensingReading Reading)>();
        for (var i = 0; i < records.Count; i++)
        {
            var (reading, errors) = ParseAlone(records[i].Record, offset);
            if (reading is null)
            {
                results[i] = new IntakeResult(i, RecordNoOf(records[i].Record), IntakeStatus.Rejected, errors, null);
            }
            else
            {
                parsed.Add((i, reading));
            }
        }

        // PostgreSQL's insert finds the records already stored itself (ON CONFLICT); elsewhere they are looked up first.
        var stored = database.Provider == DatabaseProvider.PostgreSql
            ? new HashSet<(string SiteNo, string RecordNo)>()
            : await StoredKeysAsync(parsed.Select(p => p.Reading).ToList(), ct);
        var siteNos = parsed.Select(p => p.Reading.SiteNo).Distinct().ToList();
        var registry = await RegistryMatches.LoadAsync(
            db, parsed.Where(p => p.Reading.Plate is not null).Select(p => p.Reading.Plate!.Value.Value).Distinct().ToList(), ct);
        var sitesByNo = await sites.FindAsync(siteNos, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = new List<(int Index, StoredReading Row, ReadingJudgement Judgement)>();
        var reviews = new List<PlateReview>();
        var limitsBySite = new Dictionary<string, EmissionLimits>(StringComparer.Ordinal);
        foreach (var (index, original) in parsed)
        {
            if (!stored.Add((original.SiteNo, original.RecordNo)))
            {
                results[index] = new IntakeResult(index, original.RecordNo, IntakeStatus.Duplicate, [], null);
                continue;
            }
            var reading = CompleteFromRegistry(original, registry);
            var site = sitesByNo.GetValueOrDefault(reading.SiteNo);
            if (!limitsBySite.TryGetValue(reading.SiteNo, out var inForce))
            {
                limitsBySite[reading.SiteNo] = inForce = site?.Limits.Apply(limits.Value) ?? limits.Value;
            }
            var judgement = ReadingJudge.Judge(reading, inForce, options.Value.Validity);
            var notForEnforcement = SensingSite.NotForEnforcement(
                site, reading.SiteNo, reading.LineNo, DateOnly.FromDateTime(reading.MeasuredAt.ToOffset(offset).DateTime));
            var lookalikes = reading.Plate is { } read ? registry.Lookalikes(read.Value) : [];
            if (judgement.NeedsPlateReview || lookalikes.Count > 0)
            {
                judgement = judgement with { NeedsPlateReview = true };
                reviews.Add(ReviewOf(reading, judgement, lookalikes, now));
            }
            accepted.Add((index, ToRow(reading, judgement, notForEnforcement, records[index], now), judgement));
        }

        var alreadyStored = await SaveAsync(accepted.Select(a => a.Row).ToList(), reviews, ct);
        foreach (var (index, row, judgement) in accepted)
        {
            results[index] = alreadyStored.Contains((row.SiteNo, row.RecordNo))
                ? new IntakeResult(index, row.RecordNo, IntakeStatus.Duplicate, [], null)
                : new IntakeResult(index, row.RecordNo, IntakeStatus.Accepted, [], judgement, row.NotForEnforcementReason);
        }
        return results.Select(r => r!).ToList();
    }

    /// <summary>The (site, record) keys of these readings already stored.</summary>
    private async Task<HashSet<(string SiteNo, string RecordNo)>> StoredKeysAsync(IReadOnlyList<RemoteSensingReading> readings, CancellationToken ct)
    {
        var recordNos = readings.Select(r => r.RecordNo).Distinct().ToList();
        var siteNos = readings.Select(r => r.SiteNo).Distinct().ToList();
        // Both lists, so the (site, record) index answers: record numbers alone would scan the whole table.
        return (await db.Readings
                .Where(r => siteNos.Contains(r.SiteNo) && recordNos.Contains(r.RecordNo))
                .Select(r => new { r.SiteNo, r.RecordNo })
                .ToListAsync(ct))
            .Select(r => (r.SiteNo, r.RecordNo))
            .ToHashSet();
    }

    /// <summary>
    /// Stores the readings, their plate reviews and their announcements in one transaction; returns the keys of readings
    /// that turned out to be stored already (and were left out, with their reviews and announcements).
    /// </summary>
    private async Task<HashSet<(string SiteNo, string RecordNo)>> SaveAsync(List<StoredReading> rows, List<PlateReview> reviews, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            db.Readings.AddRange(rows);
            db.PlateReviews.AddRange(reviews);
            Announce(rows, now);
            await db.SaveChangesAsync(ct);
            return [];
        }
        // The whole unit again on a transient failure (a restarted server): nothing of a failed try was committed.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var inserted = await PostgresReadingInsert.InsertNewAsync(db, rows, ct);
            foreach (var review in reviews.Where(r => inserted.Contains((r.SiteNo, r.RecordNo))))
            {
                review.Id = 0; // a failed try may have given it a key the rolled-back transaction never kept
                db.PlateReviews.Add(review);
            }
            Announce(rows.Where(r => inserted.Contains((r.SiteNo, r.RecordNo))).ToList(), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return rows.Select(r => (r.SiteNo, r.RecordNo)).Where(key => !inserted.Contains(key)).ToHashSet();
        });
    }

    private void Announce(List<StoredReading> rows, DateTime now)
    {
        foreach (var chunk in rows.Chunk(MaxReadingsPerMessage))
        {
            db.Enqueue(new RemoteSensingReadingsJudged(chunk.Select(ReadingAnnouncement.Of).ToList()), now);
        }
    }

    /// <summary>Fuel and plate colour from the registry when the device did not send them.</summary>
    private static RemoteSensingReading CompleteFromRegistry(RemoteSensingReading reading, RegistryMatches registry)
    {
        if (reading.Plate is not { } plate || (reading.Fuel is not null && reading.Colour is not null))
        {
            return reading;
        }
        var vehicles = registry.Registered(plate.Value);
        var candidates = reading.Colour is { } colour ? vehicles.Where(v => v.Colour == (int)colour).ToList() : vehicles;
        if (candidates.Count != 1)
        {
            return reading; // ambiguous or unknown: judge with what the device sent
        }
        var vehicle = candidates[0];
        return reading with
        {
            Colour = reading.Colour ?? (PlateColour)vehicle.Colour,
            Fuel = reading.Fuel ?? (FuelTypeCodes.TryParse(vehicle.Fuel, out var fuel) ? fuel : null),
        };
    }

    private PlateReview ReviewOf(RemoteSensingReading reading, ReadingJudgement judgement, IReadOnlyList<string> lookalikes, DateTime now)
    {
        var min = options.Value.Validity.MinPlateConfidence;
        var reason = reading.PlateConfidence is { } confidence && confidence < min
            ? FormattableString.Invariant($"plate read with {confidence:0.#} % confidence, below {min:0.#} %")
            : $"{reading.Plate?.Value} is not registered; a look-alike is: {string.Join(", ", lookalikes)}";
        return new PlateReview
        {
            SiteNo = reading.SiteNo,
            RecordNo = reading.RecordNo,
            MeasuredAtUtc = reading.MeasuredAt.UtcDateTime,
            PlateRead = reading.Plate?.Value ?? reading.PlateRaw,
            PlateColour = reading.Colour is { } c ? (int)c : null,
            PlateConfidence = reading.PlateConfidence,
            Reason = reason,
            Candidates = lookalikes.Count > 0 ? string.Join(',', lookalikes) : null,
            Outcome = judgement.Outcome.ToString(),
            CreatedAtUtc = now,
        };
    }

    private static StoredReading ToRow(RemoteSensingReading r, ReadingJudgement j, string? notForEnforcement, IncomingRecord source, DateTime now) => new()
    {
        RecordNo = r.RecordNo,
        SiteNo = r.SiteNo,
        LineNo = r.LineNo,
        Lane = r.Lane,
        MeasuredAtUtc = r.MeasuredAt.UtcDateTime,
        PlateRaw = r.PlateRaw,
        Plate = r.Plate?.Value,
        PlateColour = r.Colour is { } c ? (int)c : null,
        PlateConfidence = r.PlateConfidence,
        Fuel = r.Fuel is { } f ? FuelTypeCodes.ToCode(f).ToString() : null,
        Co2Percent = r.Co2Percent,
        CoPercent = r.CoPercent,
        HcPpm = r.HcPpm,
        NoPpm = r.NoPpm,
        OpacityPercent = r.OpacityPercent,
        Ringelmann = r.Ringelmann,
        SpeedMps = r.SpeedMps,
        AccelerationMps2 = r.AccelerationMps2,
        Vsp = r.VspKwPerTonne,
        SlopeDegrees = r.SlopeDegrees,
        WindSpeedMps = r.WindSpeedMps,
        TemperatureC = r.TemperatureC,
        HumidityPercent = r.HumidityPercent,
        PressureKpa = r.PressureKpa,
        Outcome = j.Outcome.ToString(),
        FailedPollutants = string.Join(',', j.FailedPollutants),
        JudgementDetail = Truncate(string.Join('\n',
            j.Exceedances.Select(e => $"{e.Pollutant} {e.Value} > {e.Limit}").Concat(j.InvalidReasons)), 2000),
        NeedsPlateReview = j.NeedsPlateReview,
        NotForEnforcementReason = notForEnforcement,
        ReceivedAtUtc = source.ReceivedAtUtc,
        JudgedAtUtc = now,
        ReceivedFrom = source.ReceivedFrom,
    };

    /// <summary>
    /// Parses one record so that nothing in it can fail its batch: JSON accepts invalid UTF-8 and unpaired surrogate
    /// escapes, which only throw when the text is read.
    /// </summary>
    private (RemoteSensingReading? Reading, IReadOnlyList<FieldError> Errors) ParseAlone(JsonElement record, TimeSpan offset)
    {
        try
        {
            return NationalRecordParser.Parse(record, offset, clock.GetUtcNow());
        }
        catch (InvalidOperationException)
        {
            return (null, [new FieldError("$", "the record holds text that is not valid UTF-8 (or an unpaired \\u surrogate escape): send UTF-8")]);
        }
    }

    /// <summary>The record number of a rejected record, when it has one, so the sender can tell which it was.</summary>
    private static string? RecordNoOf(JsonElement record)
    {
        try
        {
            return record.ValueKind == JsonValueKind.Object
                   && (record.TryGetProperty("jlbh", out var v) || record.TryGetProperty("TESTNO", out v))
                   && v.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? v.ToString()
                : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not valid UTF-8: the rejection says so
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

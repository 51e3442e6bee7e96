using System.Text.Json;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Inspections;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Roadside;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Infrastructure.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Roadside;

/// <summary>An interception as the officer records it; pass or fail is the server's to judge.</summary>
public sealed record RoadsideCheckRequest(
    string? Plate,
    string? PlateColour,
    string? Checkpoint,
    long? AlertId,
    double? SmokeK,
    bool? ObdCommunicationOk,
    bool? ObdMilOn,
    int? ObdFaultCodes,
    bool? ObdReadiness,
    string? Decision,
    int? FineYuan,
    string? Note,
    DateTimeOffset? CheckedAt);

public sealed record RoadsideCheckResult(
    Guid Id, bool Passed, IReadOnlyList<string> Failures, string Decision, string? ViolationCode, int? FineYuan, bool ViolationRecorded);

/// <summary>
/// The traffic police's roadside check of a stopped vehicle: free-acceleration smoke and/or an OBD read, judged by the
/// I/M limits in force; a failed check is a violation that lists the vehicle through the core, and the officer's
/// decision (penalty under code 6063, or release) is recorded and audited.
/// </summary>
public sealed class RoadsideChecks(MobileSourceDbContext db, TimeProvider clock, IOptions<EmissionLimits> limits)
{
    public async Task<(RoadsideCheckResult? Result, IReadOnlyList<FieldError> Errors)> RecordAsync(
        RoadsideCheckRequest request, string officer, string? remoteAddress, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var now = clock.GetUtcNow();
        var vehicle = VehicleInput.Read(request.Plate, request.PlateColour, errors);
        var checkpoint = request.Checkpoint?.Trim();
        if (string.IsNullOrEmpty(checkpoint) || checkpoint.Length > 128)
        {
            errors.Add(new FieldError("checkpoint", Bilingual.Text("where the vehicle was stopped: required, at most 128 characters",
                "请填写拦截地点，最多 128 个字符")));
        }
        var checkedAt = request.CheckedAt is null ? now : VehicleInput.Time(request.CheckedAt, "checkedAt", now, errors);
        VehicleInput.MaxLength(request.Note, "note", 1000, errors);
        RoadsideDecisionKind decision = default;
        if (string.IsNullOrWhiteSpace(request.Decision) || !Enum.TryParse(request.Decision, ignoreCase: true, out decision) || !Enum.IsDefined(decision))
        {
            errors.Add(new FieldError("decision", Bilingual.Text("penalty (code 6063) or release", "请选择处罚（6063）或放行")));
        }

        var smokePerformed = request.SmokeK is not null;
        var obdPerformed = request.ObdCommunicationOk is not null || request.ObdMilOn is not null
                           || request.ObdFaultCodes is not null || request.ObdReadiness is not null;
        if (!smokePerformed && !obdPerformed)
        {
            errors.Add(new FieldError("smokeK", Bilingual.Text("record the free-acceleration smoke k, the OBD read, or both",
                "请填写自由加速烟度 k 值或 OBD 读取结果（或两者）")));
        }
        var values = new InspectionValues
        {
            SmokeK = request.SmokeK,
            ObdCommunicationOk = request.ObdCommunicationOk,
            ObdMilOn = request.ObdMilOn,
            ObdFaultCodes = request.ObdFaultCodes,
            ObdReadiness = request.ObdReadiness,
        };
        var failures = new List<string>();
        var failuresForReader = new List<string>();
        foreach (var (performed, method) in new[] { (smokePerformed, InspectionMethod.FreeAcceleration), (obdPerformed, InspectionMethod.Obd) })
        {
            if (!performed)
            {
                continue;
            }
            var judgement = InspectionJudge.Judge(method, values, limits.Value.Inspection);
            failures.AddRange(judgement.Failures);
            failuresForReader.AddRange(judgement.FailuresForReader);
            errors.AddRange(judgement.Errors.Select(e => new FieldError(e.Field, e.Message)));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (request.AlertId is { } alertId && !await db.Alerts.AnyAsync(a => a.Id == alertId && a.Plate == vehicle!.Value.Number.Value, ct))
        {
            return (null, [new FieldError("alertId", Bilingual.Text($"no police alert {alertId} for {request.Plate}", $"没有 {request.Plate} 的布控提醒 {alertId}"))]);
        }
        var passed = failures.Count == 0;
        if (RoadsideDecision.Check(decision, passed, request.FineYuan) is { } problem)
        {
            return (null, [new FieldError(decision == RoadsideDecisionKind.Penalty && passed ? "decision" : "fineYuan", problem)]);
        }

        var penalty = decision == RoadsideDecisionKind.Penalty;
        var record = new RoadsideCheck
        {
            Id = Guid.NewGuid(),
            Plate = vehicle!.Value.Number.Value,
            PlateColour = (int)vehicle.Value.Colour,
            Checkpoint = checkpoint!,
            AlertId = request.AlertId,
            ValuesJson = JsonSerializer.Serialize(new
            {
                request.SmokeK, request.ObdCommunicationOk, request.ObdMilOn, request.ObdFaultCodes, request.ObdReadiness,
            }, ContractTypes.Json),
            Passed = passed,
            Failures = string.Join('\n', failures),
            Decision = decision.ToString(),
            ViolationCode = penalty ? RoadsideDecision.ViolationCode : null,
            FineYuan = penalty ? request.FineYuan ?? 0 : null,
            Note = request.Note,
            CheckedAtUtc = checkedAt!.Value.UtcDateTime,
            ReceivedAtUtc = now.UtcDateTime,
            Officer = officer,
        };
        db.RoadsideChecks.Add(record);
        var violation = passed
            ? null
            : await ViolationRecorder.RecordAsync(db, $"roadside:{record.Id}", vehicle.Value, ListingReason.RoadsideCheckFailed,
                $"roadside check at {record.Checkpoint} by {officer}: {string.Join("; ", failures)}", record.Checkpoint, record.CheckedAtUtc, ct);
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now.UtcDateTime,
            Actor = officer,
            Action = "roadside-check.recorded",
            Subject = record.Plate,
            Detail = $"{(passed ? "passed" : "failed")} at {record.Checkpoint}; "
                     + (penalty ? $"penalty {RoadsideDecision.ViolationCode}, {record.FineYuan} yuan" : "released"),
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
        return (new RoadsideCheckResult(record.Id, passed, failuresForReader, record.Decision, record.ViolationCode, record.FineYuan, violation is not null), []);
    }
}

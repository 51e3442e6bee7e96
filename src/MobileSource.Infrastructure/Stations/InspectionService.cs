using System.Text.Json;
using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Inspections;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Stations;

public sealed record RetestRefusal(Guid CaseId, string Reason);

public sealed record InspectionResult(
    Guid InspectionId,
    bool Passed,
    IReadOnlyList<string> Failures,
    string LimitSet,
    IReadOnlyList<Guid> DelistedCases,
    IReadOnlyList<RetestRefusal> RetestRefused,
    bool StillListed);

/// <summary>
/// Judges an I-station test against the limits in force (never trusting the station's own verdict), stores it,
/// and applies it to the blacklist: a pass after the required repair delists; a fail is a violation.
/// </summary>
public sealed class InspectionService(MobileSourceDbContext db, TimeProvider clock, IOptions<EmissionLimits> limits, IOptions<BlacklistPolicy> policy)
{
    public async Task<(InspectionResult? Result, IReadOnlyList<FieldError> Errors)> RecordAsync(InspectionRequest request, string actor, string? remoteAddress, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var now = clock.GetUtcNow();
        var vehicle = VehicleInput.Read(request.Plate, request.PlateColour, errors);
        var station = VehicleInput.Station(request.Station, errors);
        var testedAt = VehicleInput.Time(request.TestedAt, "testedAt", now, errors);
        InspectionMethod method = default;
        if (string.IsNullOrWhiteSpace(request.Method) || !Enum.TryParse(request.Method, ignoreCase: true, out method)
            || !Enum.IsDefined(method))
        {
            errors.Add(new FieldError("method", Bilingual.Text($"method must be one of {string.Join(", ", Enum.GetNames<InspectionMethod>())}",
                "请选择检验方法：自由加速法、加载减速法、OBD 检查或林格曼黑度法")));
        }
        if (request.Values is null)
        {
            errors.Add(new FieldError("values", Bilingual.Text("values are required", "请填写检验数值")));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var v = request.Values!;
        var values = new InspectionValues
        {
            SmokeK = v.SmokeK,
            NoxPpm = v.NoxPpm,
            RingelmannLevel = v.RingelmannLevel,
            ObdCommunicationOk = v.ObdCommunicationOk,
            ObdFaultCodes = v.ObdFaultCodes,
            ObdReadiness = v.ObdReadiness,
            ObdMilOn = v.ObdMilOn,
        };
        var judgement = InspectionJudge.Judge(method, values, limits.Value.Inspection);
        if (judgement.Errors.Count > 0)
        {
            return (null, judgement.Errors.Select(e => new FieldError($"values.{e.Field}", e.Message)).ToList());
        }

        var record = new InspectionRecord
        {
            Id = Guid.NewGuid(),
            Plate = vehicle!.Value.Number.Value,
            PlateColour = (int)vehicle.Value.Colour,
            Station = station!,
            Method = method.ToString(),
            ValuesJson = JsonSerializer.Serialize(v, ContractTypes.Json),
            Passed = judgement.Passed,
            Failures = string.Join('\n', judgement.Failures),
            LimitSet = limits.Value.Inspection.Set.ToString(),
            TestedAtUtc = testedAt!.Value.UtcDateTime,
            ReceivedAtUtc = now.UtcDateTime,
            ReceivedFrom = actor,
        };
        db.Inspections.Add(record);
        var colourName = vehicle.Value.Colour.ToString();

        var delisted = new List<Guid>();
        var refused = new List<RetestRefusal>();
        var open = await OpenCases.OfAsync(db, vehicle.Value, ct);
        var dieselNeedsLaneTest = judgement.Passed && open.Count > 0 && !policy.Value.CanRetestDiesel(method)
            && await db.Vehicles.AnyAsync(v => v.Plate == record.Plate && v.PlateColour == record.PlateColour && v.Fuel == "B", ct);
        if (dieselNeedsLaneTest)
        {
            var methods = string.Join(", ", policy.Value.DieselRetestMethods ?? BlacklistPolicy.DefaultDieselRetestMethods);
            refused.AddRange(open.Select(c => new RetestRefusal(c.Id, Bilingual.Text(
                $"a {method} test does not re-test a listed diesel vehicle; use one of {methods}",
                $"{method} 检验不能作为已列入黑名单柴油车的复检；请用以下方法之一：{methods}"))));
        }
        else if (judgement.Passed)
        {
            foreach (var @case in open)
            {
                if (@case.ListedAt > testedAt.Value)
                {
                    refused.Add(new RetestRefusal(@case.Id, Bilingual.Text("the test was done before the vehicle was listed", "该检验早于列入黑名单的时间")));
                    continue;
                }
                var outcome = @case.RecordRetest(true, testedAt.Value, $"inspection {record.Id} at {station}", actor, policy.Value);
                if (outcome.Delisted)
                {
                    delisted.Add(@case.Id);
                    db.Enqueue(new VehicleDelisted(@case.Id, record.Plate, colourName, record.Id, testedAt.Value.UtcDateTime), now.UtcDateTime);
                }
                else
                {
                    refused.Add(new RetestRefusal(@case.Id, outcome.RefusedBecause is { } reason
                        ? EnforcementCase.RefusalForReader(reason)
                        : Bilingual.Text("re-test not allowed", "不允许复检")));
                }
            }
        }
        else
        {
            await ViolationRecorder.RecordAsync(
                db, $"inspection:{record.Id}", vehicle.Value, ListingReason.InspectionFailed,
                $"{method} test failed at {station}: {string.Join("; ", judgement.Failures)}", station, now.UtcDateTime, ct);
        }
        db.Enqueue(new InspectionReported(record.Id, record.Plate, colourName, record.Station, record.Method, record.Passed, record.TestedAtUtc), now.UtcDateTime);
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now.UtcDateTime,
            Actor = actor,
            Action = delisted.Count > 0 ? "inspection.recorded-and-delisted" : "inspection.recorded",
            Subject = record.Plate,
            Detail = $"{method} at {station}: {(judgement.Passed ? "passed" : "failed")}"
                     + (delisted.Count > 0 ? $"; delisted case(s) {string.Join(", ", delisted)}" : ""),
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);

        var stillListed = open.Count > delisted.Count;
        return (new InspectionResult(record.Id, judgement.Passed, judgement.FailuresForReader, record.LimitSet, delisted, refused, stillListed), []);
    }
}

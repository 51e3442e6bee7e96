using MobileSource.Contracts;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Infrastructure.Stations;

public sealed record RepairResult(Guid RepairId, IReadOnlyList<Guid> CasesRepaired);

/// <summary>Stores a repair and marks the vehicle's open cases repaired, which unlocks the re-test.</summary>
public sealed class RepairService(MobileSourceDbContext db, TimeProvider clock)
{
    public async Task<(RepairResult? Result, IReadOnlyList<FieldError> Errors)> RecordAsync(RepairRequest request, string actor, string? remoteAddress, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var now = clock.GetUtcNow();
        var vehicle = VehicleInput.Read(request.Plate, request.PlateColour, errors);
        var station = VehicleInput.Station(request.Station, errors);
        var repairedAt = VehicleInput.Time(request.RepairedAt, "repairedAt", now, errors);
        var items = request.Items?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList() ?? [];
        if (items.Count == 0)
        {
            errors.Add(new FieldError("items", Bilingual.Text("items must list at least one repair item", "请至少填写一项维修项目")));
        }
        VehicleInput.MaxLength(string.Join('\n', items), "items", 4000, errors);
        VehicleInput.MaxLength(request.Notes, "notes", 2000, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var repair = new RepairRecord
        {
            Id = Guid.NewGuid(),
            Plate = vehicle!.Value.Number.Value,
            PlateColour = (int)vehicle.Value.Colour,
            Station = station!,
            Items = string.Join('\n', items),
            Notes = request.Notes,
            RepairedAtUtc = repairedAt!.Value.UtcDateTime,
            ReceivedAtUtc = now.UtcDateTime,
            ReceivedFrom = actor,
        };
        db.Repairs.Add(repair);

        var repaired = new List<Guid>();
        foreach (var @case in await OpenCases.OfAsync(db, vehicle.Value, ct))
        {
            if (@case.ListedAt <= repairedAt.Value && @case.State != Domain.Blacklist.CaseState.Repaired)
            {
                @case.RecordRepair(repairedAt.Value, $"repair {repair.Id} at {station}", actor);
                repaired.Add(@case.Id);
            }
        }
        db.Enqueue(new RepairReported(repair.Id, repair.Plate, vehicle.Value.Colour.ToString(), repair.Station, repair.RepairedAtUtc), now.UtcDateTime);
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now.UtcDateTime,
            Actor = actor,
            Action = "repair.recorded",
            Subject = repair.Plate,
            Detail = $"at {station}: {string.Join("; ", items)}" + (repaired.Count > 0 ? $"; case(s) {string.Join(", ", repaired)} repaired" : ""),
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
        return (new RepairResult(repair.Id, repaired), []);
    }
}

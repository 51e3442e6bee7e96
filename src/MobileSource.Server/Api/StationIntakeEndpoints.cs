using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public sealed record StationCaseView(
    Guid CaseId, string Reason, string Evidence, string State, DateTimeOffset ListedAt, DateTimeOffset Deadline,
    DateTimeOffset? RepairedAt, bool RetestAllowed, string? RetestRefusedBecause);

public sealed record StationRepairView(string Station, DateTime RepairedAt, IReadOnlyList<string> Items, string? Notes);

/// <summary>What a station sees when a vehicle arrives: listed or not and why, its open cases, its repairs, and whether a re-test may be taken now.</summary>
public sealed record StationIntakeView(
    string Plate, string PlateNumber, string? PlateColour, bool Listed, IReadOnlyList<StationCaseView> Cases,
    IReadOnlyList<StationRepairView> Repairs, IReadOnlyList<ListedVehicleView> Registered);

public static class StationIntakeEndpoints
{
    public static void MapStationIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stations/intake/{plate}", IntakeAsync)
            .RequireAuthorization(Policies.StationIntake)
            .WithTags("I/M stations")
            .WithSummary("A vehicle at a station: listed and why, open cases with their deadlines, repairs recorded, whether a re-test is allowed now.")
            .Produces<StationIntakeView>();
    }

    private static async Task<IResult> IntakeAsync(
        string plate, string? colour, MobileSourceDbContext db, IOptions<BlacklistPolicy> policy, CancellationToken ct)
    {
        var (number, plateColour, problem) = PlateQuery.Read(plate, colour);
        if (problem is not null)
        {
            return problem;
        }
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Plate == number && c.State != CaseState.Delisted && (plateColour == null || c.Colour == plateColour))
            .OrderBy(c => c.ListedAt)
            .ToListAsync(ct);
        var repairs = await db.Repairs.AsNoTracking()
            .Where(r => r.Plate == number.Value && (plateColour == null || r.PlateColour == (int)plateColour))
            .OrderByDescending(r => r.RepairedAtUtc).Take(10)
            .ToListAsync(ct);
        var registered = await db.Vehicles.AsNoTracking()
            .Where(v => v.Plate == number.Value && (plateColour == null || v.PlateColour == (int)plateColour))
            .Select(v => new ListedVehicleView(PlateView.Colour(v.PlateColour), v.Fuel, v.EmissionStage, v.Owner, v.FleetOperator, v.IsKeyFleet))
            .ToListAsync(ct);
        var caseViews = cases.Select(c =>
        {
            var allowed = c.RetestAllowed(policy.Value, out var refused);
            return new StationCaseView(c.Id, c.Reason.ToString(), c.Evidence, c.State.ToString(), c.ListedAt, c.Deadline, c.RepairedAt, allowed, refused is null ? null : EnforcementCase.RefusalForReader(refused));
        }).ToList();
        return Results.Ok(new StationIntakeView(
            number.ToDisplay(), number.Value, plateColour is { } pc ? PlateView.Colour(pc) : null, cases.Count > 0, caseViews,
            repairs.Select(r => new StationRepairView(r.Station, DateTime.SpecifyKind(r.RepairedAtUtc, DateTimeKind.Utc),
                r.Items.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.Notes)).ToList(),
            registered));
    }
}

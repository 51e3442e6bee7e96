using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public static class BlacklistEndpoints
{
    private const int MaxPage = 100_000;

    public static void MapBlacklistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/blacklist").RequireAuthorization(Policies.BlacklistRead).WithTags("Blacklist");
        group.MapGet("/{plate}", GetAsync)
            .WithSummary("Whether a plate is listed, with its open entries (?colour= narrows to one vehicle).")
            .Produces<BlacklistStatusView>();
        group.MapGet("/", ListAsync)
            .WithSummary("The listed vehicles' open entries, newest first, a page at a time.")
            .Produces<BlacklistPageView>();
    }

    private static async Task<IResult> GetAsync(string plate, string? colour, MobileSourceDbContext db, CancellationToken ct)
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
        // The registry's facts on the vehicle, so a listing shows whose fleet it is and its emission stage.
        var registered = await db.Vehicles.AsNoTracking()
            .Where(v => v.Plate == number.Value && (plateColour == null || v.PlateColour == (int)plateColour))
            .Select(v => new ListedVehicleView(PlateView.Colour(v.PlateColour), v.Fuel, v.EmissionStage, v.Owner, v.FleetOperator, v.IsKeyFleet))
            .ToListAsync(ct);
        return Results.Ok(new BlacklistStatusView(number.ToDisplay(), cases.Count > 0, cases.Select(BlacklistEntryView.From).ToList(), registered));
    }

    private static async Task<IResult> ListAsync(int? page, int? pageSize, MobileSourceDbContext db, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p is < 1 or > MaxPage)
        {
            return Problems.Field("page", $"page must be between 1 and {MaxPage}");
        }
        if (size is < 1 or > 500)
        {
            return Problems.Field("pageSize", "pageSize must be between 1 and 500");
        }
        var open = db.Cases.AsNoTracking().Where(c => c.State != CaseState.Delisted);
        var total = await open.CountAsync(ct);
        var items = await open.OrderByDescending(c => c.ListedAt).ThenBy(c => c.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new BlacklistPageView(p, size, total, items.Select(BlacklistEntryView.From).ToList()));
    }
}

/// <summary><c>Registered</c>: the registry's records of the plate (one per colour), empty when it is not registered.</summary>
public sealed record BlacklistStatusView(string Plate, bool Listed, IReadOnlyList<BlacklistEntryView> Entries, IReadOnlyList<ListedVehicleView> Registered);

public sealed record ListedVehicleView(string PlateColour, string Fuel, string? EmissionStage, string? Owner, string? FleetOperator, bool IsKeyFleet);

public sealed record BlacklistPageView(int Page, int PageSize, int Total, IReadOnlyList<BlacklistEntryView> Entries);

public sealed record BlacklistEntryView(
    string Plate, string PlateColour, string Reason, DateTimeOffset ListedAt, DateTimeOffset Deadline, Guid CaseId,
    string Evidence, string State)
{
    public static BlacklistEntryView From(EnforcementCase c) => new(
        c.Plate.ToDisplay(), PlateView.Colour(c.Colour), c.Reason.ToString(), c.ListedAt, c.Deadline, c.Id, c.Evidence, c.State.ToString());
}

using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Text;
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
            .WithSummary("The listed vehicles' open entries, newest first, a page at a time; ?q= keeps plates containing it (豫F12, 12345).")
            .Produces<BlacklistPageView>();
        group.MapGet("/export.csv", ExportAsync)
            .RequireAuthorization(Policies.BureauRead) // owners and fleet operators of every listed vehicle: the bureau's, not a station's
            .WithSummary("Every open entry as CSV (UTF-8 with BOM, for spreadsheet programs), newest first; ?q= as for the list.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
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

    private static async Task<IResult> ListAsync(int? page, int? pageSize, string? q, MobileSourceDbContext db, CancellationToken ct)
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
        if (Search(q, out var fragment) is { } problem)
        {
            return problem;
        }
        if (fragment is null)
        {
            var all = db.Cases.AsNoTracking().Where(c => c.State != CaseState.Delisted);
            var rows = await all.OrderByDescending(c => c.ListedAt).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
            return Results.Ok(new BlacklistPageView(p, size, await all.CountAsync(ct), rows.Select(BlacklistEntryView.From).ToList()));
        }
        var open = await OpenMatchingAsync(db, fragment, ct);
        var total = open.Count;
        var items = open.Skip((p - 1) * size).Take(size).ToList();
        return Results.Ok(new BlacklistPageView(p, size, total, items.Select(BlacklistEntryView.From).ToList()));
    }

    private static async Task<IResult> ExportAsync(string? q, HttpContext http, MobileSourceDbContext db, CancellationToken ct)
    {
        if (Search(q, out var fragment) is { } problem)
        {
            return problem;
        }
        var open = await OpenMatchingAsync(db, fragment, ct);
        var plates = open.Select(c => c.Plate.Value).Distinct().ToList();
        var operators = (await db.Vehicles.AsNoTracking().Where(v => plates.Contains(v.Plate))
                .Select(v => new { v.Plate, v.PlateColour, v.FleetOperator, v.Owner }).ToListAsync(ct))
            .ToDictionary(v => (v.Plate, v.PlateColour));
        var csv = new System.Text.StringBuilder("\uFEFFplate,plate_colour,reason,state,listed_at,deadline,owner,fleet_operator,case_id\n");
        foreach (var c in open)
        {
            var registered = operators.GetValueOrDefault((c.Plate.Value, (int)c.Colour));
            csv.AppendJoin(',', [
                Cell(c.Plate.ToDisplay()), PlateView.Colour(c.Colour), c.Reason.ToString(), c.State.ToString(),
                c.ListedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), c.Deadline.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                Cell(registered?.Owner), Cell(registered?.FleetOperator), c.Id.ToString()]).Append('\n');
        }
        http.Response.Headers.ContentDisposition = "attachment; filename=blacklist.csv";
        return Results.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    /// <summary>A CSV cell; a value a spreadsheet would run as a formula is quoted with a leading apostrophe.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static IResult? Search(string? q, out string? fragment)
    {
        fragment = string.IsNullOrWhiteSpace(q) ? null : q.Trim().Replace("·", "").Replace(" ", "").ToUpperInvariant();
        return fragment is { Length: > 16 } ? Problems.Field("q", Bilingual.Text("at most 16 characters of a plate", "号牌最多 16 个字符")) : null;
    }

    /// <summary>Open entries, newest first; plates are value objects, so the search runs over the (few thousand) open cases here.</summary>
    private static async Task<List<EnforcementCase>> OpenMatchingAsync(MobileSourceDbContext db, string? fragment, CancellationToken ct)
    {
        var open = await db.Cases.AsNoTracking().Where(c => c.State != CaseState.Delisted)
            .OrderByDescending(c => c.ListedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return fragment is null ? open : open.Where(c => c.Plate.Value.Contains(fragment, StringComparison.Ordinal)).ToList();
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

using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.BlacklistRead)
            .WithTags("Enforcement cases")
            .WithSummary("An enforcement case with its audit trail of transitions.")
            .Produces<CaseView>();
        app.MapPost("/api/cases/{id:guid}/notify", NotifyAsync)
            .RequireAuthorization(Policies.CasesManage)
            .WithTags("Enforcement cases")
            .WithSummary("Record that the owner and fleet operator were notified.")
            .Accepts<NotifyRequest>("application/json")
            .Produces<CaseView>();
    }

    private static async Task<IResult> GetAsync(Guid id, MobileSourceDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? Problems.NotFound($"No enforcement case {id}.") : Results.Ok(CaseView.From(c));
    }

    private static async Task<IResult> NotifyAsync(Guid id, HttpContext http, MobileSourceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<NotifyRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(request!.Note) || request.Note.Length > 2000)
        {
            return Problems.Field("note", "note is required (at most 2000 characters): how and whom the notice reached");
        }
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Problems.NotFound($"No enforcement case {id}.");
        }
        try
        {
            c.MarkNotified(clock.GetUtcNow(), http.Name(), request.Note.Trim());
        }
        catch (InvalidCaseTransitionException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Transition not allowed", detail: ex.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentCase.Conflict();
        }
        return Results.Ok(CaseView.From(c));
    }
}

public sealed record NotifyRequest(string? Note);

public sealed record CaseTransitionView(DateTimeOffset At, string? From, string To, string Actor, string Note);

public sealed record CaseView(
    Guid Id, string Plate, string PlateColour, string Reason, string State, string Evidence, DateTimeOffset ListedAt,
    DateTimeOffset Deadline, DateTimeOffset? RepairedAt, DateTimeOffset? DelistedAt, IReadOnlyList<CaseTransitionView> Transitions)
{
    public static CaseView From(EnforcementCase c) => new(
        c.Id, c.Plate.ToDisplay(), PlateView.Colour(c.Colour), c.Reason.ToString(), c.State.ToString(), c.Evidence, c.ListedAt,
        c.Deadline, c.RepairedAt, c.DelistedAt,
        c.Transitions.OrderBy(t => t.At).Select(t => new CaseTransitionView(t.At, t.From?.ToString(), t.To.ToString(), t.Actor, t.Note)).ToList());
}

using MobileSource.Infrastructure.Persistence;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public sealed record AuditView(long Id, DateTime At, string Actor, string Action, string Subject, string Detail, string? From);

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(Policies.AccountsManage)
            .WithTags("Accounts")
            .WithSummary("The audit trail, newest first: who did what, when and from where (?before= an id to page back, ?actor=, ?limit= up to 500).")
            .Produces<IReadOnlyList<AuditView>>();
    }

    private static async Task<IResult> ListAsync(long? before, string? actor, int? limit, MobileSourceDbContext db, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 500)
        {
            return Problems.Field("limit", "limit must be between 1 and 500");
        }
        var query = db.Audit.AsNoTracking();
        if (before is { } id)
        {
            query = query.Where(a => a.Id < id);
        }
        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(a => a.Actor == actor);
        }
        var rows = await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return Results.Ok(rows.Select(a => new AuditView(a.Id, DateTime.SpecifyKind(a.AtUtc, DateTimeKind.Utc), a.Actor, a.Action, a.Subject, a.Detail, a.RemoteAddress)));
    }
}

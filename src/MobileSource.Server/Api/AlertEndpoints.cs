using System.Text.Json;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Security;
using MobileSource.Server.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public static class AlertEndpoints
{
    /// <summary>Other server processes write alerts too; their alerts arrive within this poll interval.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").RequireAuthorization(Policies.AlertsRead).WithTags("Police alerts");
        group.MapGet("/", ListAsync)
            .WithSummary("Alerts after an id (?after=), oldest first; poll with the last id seen.")
            .Produces<IReadOnlyList<AlertView>>();
        group.MapGet("/recent", RecentAsync)
            .WithSummary("The newest alerts (?limit=, default 100), oldest first: what a live board shows before the stream.")
            .Produces<IReadOnlyList<AlertView>>();
        group.MapGet("/board-settings", (IOptions<AlertOptions> options) => Results.Ok(new { foldWindowSeconds = options.Value.BoardFoldWindow.TotalSeconds }))
            .WithSummary("How the live board folds repeat hits on one vehicle (Alerts:BoardFoldWindow).");
        group.MapGet("/stream", StreamAsync)
            .WithSummary("Server-sent events of new alerts; reconnect with Last-Event-ID to miss none.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
    }

    private static async Task<IResult> ListAsync(long? after, int? limit, HttpContext http, MobileSourceDbContext db, OfficerCheckpoints checkpoints, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 1000)
        {
            return Problems.Field("limit", "limit must be between 1 and 1000");
        }
        return Results.Ok(await AfterAsync(db, await http.CheckpointsAsync(checkpoints, ct), after ?? 0, take, ct));
    }

    private static async Task<IResult> RecentAsync(int? limit, HttpContext http, MobileSourceDbContext db, OfficerCheckpoints checkpoints, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 1000)
        {
            return Problems.Field("limit", "limit must be between 1 and 1000");
        }
        var places = await http.CheckpointsAsync(checkpoints, ct);
        var rows = await OfficerCheckpoints.Visible(db.Alerts.AsNoTracking(), places).OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return Results.Ok(rows.AsEnumerable().Reverse().Select(AlertView.From).ToList());
    }

    private static async Task StreamAsync(
        HttpContext http, MobileSourceDbContext db, OfficerCheckpoints checkpoints, AlertSignal signal, IOptions<JsonOptions> json, long? after)
    {
        var ct = http.RequestAborted;
        // Read once: a change of the officer's checkpoints applies when the board reconnects (or reloads).
        var places = await http.CheckpointsAsync(checkpoints, ct);
        // A reconnecting EventSource sends Last-Event-ID on its first URL (?after=): the header is where it got to.
        var last = (long.TryParse(http.Request.Headers["Last-Event-ID"], out var resume) ? resume : (long?)null)
                   ?? after
                   ?? await db.Alerts.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var wake = signal.NextAsync(); // taken before the query so a commit in between still wakes us
                foreach (var alert in await AfterAsync(db, places, last, 200, ct))
                {
                    await http.Response.WriteAsync(
                        $"id: {alert.Id}\nevent: alert\ndata: {JsonSerializer.Serialize(alert, json.Value.SerializerOptions)}\n\n", ct);
                    last = alert.Id;
                    lastWrite = DateTime.UtcNow;
                }
                if (DateTime.UtcNow - lastWrite > Heartbeat)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    lastWrite = DateTime.UtcNow;
                }
                await http.Response.Body.FlushAsync(ct);
                await Task.WhenAny(wake, Task.Delay(PollInterval, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away
        }
    }

    private static async Task<IReadOnlyList<AlertView>> AfterAsync(
        MobileSourceDbContext db, IReadOnlyList<string>? places, long after, int take, CancellationToken ct)
    {
        var rows = await OfficerCheckpoints.Visible(db.Alerts.AsNoTracking(), places).Where(a => a.Id > after).OrderBy(a => a.Id).Take(take).ToListAsync(ct);
        return rows.Select(AlertView.From).ToList();
    }
}

public sealed record AlertView(
    long Id, string Kind, string Plate, string PlateNumber, string PlateColour, string Reason, string? Where, Guid? CaseId,
    DateTime OccurredAt, DateTime CreatedAt)
{
    public static AlertView From(PoliceAlert a) => new(
        a.Id, a.Kind.ToLowerInvariant(), PlateView.Display(a.Plate), a.Plate, PlateView.Colour(a.PlateColour), a.Reason, a.Location,
        a.CaseId, DateTime.SpecifyKind(a.OccurredAtUtc, DateTimeKind.Utc), DateTime.SpecifyKind(a.CreatedAtUtc, DateTimeKind.Utc));
}

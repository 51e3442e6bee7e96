using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public sealed record AlertEvidenceItem(Guid CaptureId, string Kind, string ContentType, string Url);

/// <summary>
/// The pictures behind a police alert: the evidence files of the black-smoke captures whose violations listed the
/// vehicle. The police see them through the alert only, never the whole capture store.
/// </summary>
public static class AlertEvidenceEndpoints
{
    private const string CaptureSource = "capture:";

    public static void MapAlertEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts/{id:long}/evidence").RequireAuthorization(Policies.AlertsRead).WithTags("Police alerts");
        group.MapGet("/", ListAsync)
            .WithSummary("The evidence files (clip, vehicle, smoke, plate) of the captures behind an alert; empty for a remote-sensing listing.")
            .Produces<IReadOnlyList<AlertEvidenceItem>>();
        group.MapGet("/{captureId:guid}/{kind}", FileAsync).WithSummary("One evidence file of a capture behind the alert.");
    }

    private static async Task<List<Guid>?> CapturesBehindAsync(long id, MobileSourceDbContext db, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return null;
        }
        if (alert.CaseId is not { } caseId)
        {
            return [];
        }
        var sources = await db.Violations.AsNoTracking()
            .Where(v => v.CaseId == caseId && v.SourceKey.StartsWith(CaptureSource))
            .Select(v => v.SourceKey).ToListAsync(ct);
        return sources.Select(s => Guid.TryParse(s[CaptureSource.Length..], out var capture) ? capture : Guid.Empty).Where(g => g != Guid.Empty).ToList();
    }

    private static async Task<IResult> ListAsync(long id, MobileSourceDbContext db, CancellationToken ct)
    {
        if (await CapturesBehindAsync(id, db, ct) is not { } captures)
        {
            return Problems.NotFound($"No alert {id}.");
        }
        var files = await db.CaptureFiles.AsNoTracking()
            .Where(f => captures.Contains(f.CaptureId) && f.PurgedAtUtc == null)
            .OrderBy(f => f.Id).ToListAsync(ct);
        return Results.Ok(files
            .GroupBy(f => (f.CaptureId, f.Kind)).Select(g => g.First()) // the first of a kind: a key frame, not every one
            .Select(f => new AlertEvidenceItem(f.CaptureId, f.Kind, f.ContentType, $"/api/alerts/{id}/evidence/{f.CaptureId}/{f.Kind}"))
            .ToList());
    }

    private static async Task<IResult> FileAsync(long id, Guid captureId, string kind, MobileSourceDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var captures = await CapturesBehindAsync(id, db, ct);
        return captures is null || !captures.Contains(captureId)
            ? Problems.NotFound($"Alert {id} has no capture {captureId}.")
            : await CaptureEndpoints.FileAsync(captureId, kind, null, db, store, ct);
    }
}

using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// Deletes evidence files past their retention and marks them purged. Rows and hashes stay, so the audit trail
/// still shows what was stored and when it went. Rejected and confirmed captures count from the decision;
/// pending ones from their capture time; ANPR events never paired with a capture from their arrival.
/// </summary>
public sealed class CaptureRetention(
    MobileSourceDbContext db, EvidenceStore store, IOptions<CaptureOptions> options, TimeProvider clock, ILogger<CaptureRetention> log)
{
    private const int Batch = 200;

    public sealed record SweepResult(int Captures, int CaptureFiles, int AnprEvents, int AnprPictures);

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        var retention = options.Value.Retention;
        var now = clock.GetUtcNow().UtcDateTime;
        int captures = 0, files = 0, events = 0, pictures = 0;

        foreach (var (state, days) in new[]
                 {
                     (CaptureState.Rejected, retention.RejectedDays), (CaptureState.Confirmed, retention.ConfirmedDays),
                     (CaptureState.PendingReview, retention.PendingDays),
                 })
        {
            if (days is not { } d)
            {
                continue;
            }
            var cutoff = now.AddDays(-d);
            while (true)
            {
                var query = db.Captures.Include(c => c.Files)
                    .Where(c => c.State == state && c.Files.Any(f => f.PurgedAtUtc == null));
                query = state == CaptureState.PendingReview
                    ? query.Where(c => c.CapturedAtUtc < cutoff)
                    : query.Where(c => c.ReviewedAtUtc < cutoff);
                var due = await query.OrderBy(c => c.CapturedAtUtc).Take(Batch).ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }
                foreach (var capture in due)
                {
                    var purged = capture.Files.Where(f => f.PurgedAtUtc is null).ToList();
                    foreach (var file in purged)
                    {
                        store.Delete(file.RelativePath);
                        file.PurgedAtUtc = now;
                    }
                    // An ANPR picture linked into the capture is the same file: mark the event's row too.
                    var paths = purged.Where(f => f.Kind == EvidenceKinds.AnprPicture).Select(f => f.RelativePath).ToList();
                    if (paths.Count > 0)
                    {
                        await db.AnprPictures.Where(p => paths.Contains(p.RelativePath) && p.PurgedAtUtc == null)
                            .ForEachAsync(p => p.PurgedAtUtc = now, ct);
                    }
                    db.Audit.Add(new AuditEntry
                    {
                        AtUtc = now,
                        Actor = "retention",
                        Action = "capture.purged",
                        Subject = $"capture:{capture.Id}",
                        Detail = $"{purged.Count} evidence files deleted: {capture.State.ToString().ToLowerInvariant()}, older than {d} days",
                    });
                    files += purged.Count;
                }
                captures += due.Count;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        if (retention.AnprWithoutCaptureDays is { } anprDays)
        {
            var cutoff = now.AddDays(-anprDays);
            while (true)
            {
                var due = await db.AnprEvents.Include(a => a.Pictures)
                    .Where(a => a.CaptureId == null && a.ReceivedAtUtc < cutoff && a.Pictures.Any(p => p.PurgedAtUtc == null))
                    .OrderBy(a => a.ReceivedAtUtc).Take(Batch).ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }
                foreach (var picture in due.SelectMany(a => a.Pictures).Where(p => p.PurgedAtUtc is null))
                {
                    store.Delete(picture.RelativePath);
                    picture.PurgedAtUtc = now;
                    pictures++;
                }
                events += due.Count;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        if (captures + events > 0)
        {
            log.LogInformation("Retention purged {Files} files of {Captures} captures and {Pictures} pictures of {Events} ANPR events",
                files, captures, pictures, events);
        }
        return new SweepResult(captures, files, events, pictures);
    }
}

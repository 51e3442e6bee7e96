using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// Pairs a smoke capture with the camera's own ANPR event for the same vehicle (same camera, within the window),
/// whichever arrives first. The camera's read replaces ours only when it is more confident; both stay on the capture.
/// </summary>
public static class AnprPlateMerge
{
    public static async Task<AnprEvent?> FindEventForAsync(
        MobileSourceDbContext db, string cameraId, DateTime capturedAtUtc, TimeSpan window, CancellationToken ct)
    {
        var from = capturedAtUtc - window;
        var to = capturedAtUtc + window;
        var candidates = await db.AnprEvents.Include(a => a.Pictures)
            .Where(a => a.CameraId == cameraId && a.CaptureId == null && a.EventAtUtc >= from && a.EventAtUtc <= to)
            .ToListAsync(ct);
        return candidates.OrderBy(a => (a.EventAtUtc - capturedAtUtc).Duration()).FirstOrDefault();
    }

    public static async Task<Capture?> FindCaptureForAsync(
        MobileSourceDbContext db, string cameraId, DateTime eventAtUtc, TimeSpan window, CancellationToken ct)
    {
        var from = eventAtUtc - window;
        var to = eventAtUtc + window;
        var candidates = await db.Captures.Include(c => c.Files)
            .Where(c => c.CameraId == cameraId && c.State == CaptureState.PendingReview && c.AnprEventId == null
                        && c.CapturedAtUtc >= from && c.CapturedAtUtc <= to)
            .ToListAsync(ct);
        return candidates.OrderBy(c => (c.CapturedAtUtc - eventAtUtc).Duration()).FirstOrDefault();
    }

    /// <summary>Links the two; returns true when the capture now shows the camera's plate.</summary>
    public static bool Apply(Capture capture, AnprEvent anpr, DateTime nowUtc)
    {
        capture.AnprEventId = anpr.Id;
        capture.AnprPlate = anpr.Plate;
        capture.AnprPlateConfidence = anpr.Confidence;
        anpr.CaptureId = capture.Id;
        foreach (var picture in anpr.Pictures.Where(p => p.PurgedAtUtc is null))
        {
            capture.Files.Add(new CaptureFile
            {
                CaptureId = capture.Id,
                Kind = EvidenceKinds.AnprPicture,
                RelativePath = picture.RelativePath,
                Sha256 = picture.Sha256,
                Size = picture.Size,
                ContentType = picture.ContentType,
                StoredAtUtc = nowUtc,
            });
        }
        var ours = capture.Plate is null ? -1 : capture.PlateConfidence ?? 0;
        if (anpr.Plate is null || (anpr.Confidence ?? 0) <= ours)
        {
            return false;
        }
        capture.Plate = anpr.Plate;
        capture.PlateConfidence = anpr.Confidence;
        capture.PlateColour = anpr.PlateColour ?? capture.PlateColour;
        capture.PlateSource = PlateSources.Anpr;
        return true;
    }
}

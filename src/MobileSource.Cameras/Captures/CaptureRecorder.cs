using MobileSource.Contracts;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// Records a capture handed over by a camera stream: files into the evidence store, then the capture, its file
/// hashes and the <see cref="CaptureRecorded"/> outbox row in one database transaction. Idempotent on the capture
/// id (a retry writes no second message). The staged files are deleted only after the commit, so a failed write
/// leaves everything in place for the stream side to retry.
/// </summary>
public sealed class CaptureRecorder(
    MobileSourceDbContext db,
    EvidenceStore store,
    IOptions<CaptureOptions> options,
    TimeProvider clock,
    ILogger<CaptureRecorder> log) : ICaptureSink
{
    public async Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        if (await db.Captures.AnyAsync(c => c.Id == evidence.CaptureId, ct))
        {
            log.LogInformation("Capture {CaptureId} was already recorded; the retry is ignored", evidence.CaptureId);
            DeleteStaged(evidence);
            return;
        }
        var errors = CaptureEvidenceValidator.Validate(evidence);
        if (errors.Count > 0)
        {
            throw new InvalidCaptureException(evidence.CaptureId, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var capturedAtUtc = evidence.CapturedAt.UtcDateTime;
        var capture = NewCapture(evidence, capturedAtUtc, now);
        var folder = EvidenceStore.CaptureFolder(evidence.CaptureId, capturedAtUtc);
        var index = 0;
        foreach (var file in evidence.Files)
        {
            index++;
            var name = file.Kind == EvidenceKinds.AnprPicture ? $"{file.Kind}-{index}" : file.Kind;
            var stored = await store.StoreAsync(file.Path, $"{folder}/{name}{Path.GetExtension(file.Path).ToLowerInvariant()}", ct);
            capture.Files.Add(new CaptureFile
            {
                CaptureId = capture.Id,
                Kind = file.Kind,
                RelativePath = stored.RelativePath,
                Sha256 = stored.Sha256,
                Size = stored.Size,
                ContentType = file.ContentType,
                StoredAtUtc = now,
            });
        }

        var anpr = await AnprPlateMerge.FindEventForAsync(db, capture.CameraId, capturedAtUtc, options.Value.AnprMatchWindow, ct);
        if (anpr is not null)
        {
            AnprPlateMerge.Apply(capture, anpr, now);
        }
        db.Captures.Add(capture);
        db.Enqueue(Recorded(capture, evidence.DecidedAt), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // A concurrent retry of the same capture may have won the insert; then its files are the same content.
            if (!await AlreadyRecordedAsync(evidence.CaptureId))
            {
                throw;
            }
        }
        log.LogInformation("Capture {CaptureId} from camera {CameraId} recorded with {Files} files", capture.Id, capture.CameraId, capture.Files.Count);
        DeleteStaged(evidence);
    }

    private Capture NewCapture(CaptureEvidence e, DateTime capturedAtUtc, DateTime now)
    {
        string? plate = null;
        string? colour = null;
        if (e.Plate is not null)
        {
            plate = PlateNumber.Parse(e.Plate).Value;
            colour = e.PlateColour is not null && PlateColourCodes.TryParse(e.PlateColour, out var c) ? c.ToString() : null;
        }
        var fromCamera = e.PlateSource == PlateSources.Anpr;
        return new Capture
        {
            Id = e.CaptureId,
            CameraId = e.CameraId.Trim(),
            Site = e.Site.Trim(),
            Lane = e.Lane.Trim(),
            TravelDirection = e.TravelDirection,
            CapturedAtUtc = capturedAtUtc,
            ReceivedAtUtc = now,
            VehicleClass = e.VehicleClass,
            SmokeScore = e.SmokeScore,
            RingelmannLevel = e.RingelmannLevel,
            RingelmannLimit = options.Value.RingelmannLimit,
            Plate = plate,
            PlateConfidence = plate is null ? null : e.PlateConfidence,
            PlateColour = colour,
            PlateSource = plate is null ? null : e.PlateSource ?? PlateSources.Vision,
            VisionPlate = fromCamera ? null : plate,
            VisionPlateConfidence = fromCamera || plate is null ? null : e.PlateConfidence,
            VisionPlateColour = fromCamera ? null : colour,
        };
    }

    private static CaptureRecorded Recorded(Capture c, DateTimeOffset? decidedAt) => new(
        c.Id, c.CameraId, c.Site, c.Lane, c.CapturedAtUtc, decidedAt?.UtcDateTime, c.Plate, c.PlateColour, c.PlateConfidence,
        c.RingelmannLevel, c.RingelmannLimit, c.SmokeScore, c.VehicleClass);

    private async Task<bool> AlreadyRecordedAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        return await db.Captures.AnyAsync(c => c.Id == id);
    }

    private void DeleteStaged(CaptureEvidence evidence)
    {
        foreach (var file in evidence.Files ?? [])
        {
            try
            {
                File.Delete(file.Path);
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not delete staged file {Path} of capture {CaptureId}", file.Path, evidence.CaptureId);
            }
            catch (UnauthorizedAccessException ex)
            {
                log.LogWarning(ex, "Could not delete staged file {Path} of capture {CaptureId}", file.Path, evidence.CaptureId);
            }
        }
        try
        {
            StagedCapture.Remove(evidence);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(ex, "Could not remove the staging folder of capture {CaptureId}", evidence.CaptureId);
        }
    }
}

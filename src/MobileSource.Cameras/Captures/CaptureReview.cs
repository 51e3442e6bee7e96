using MobileSource.Contracts;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// Operator review of a capture. A decision, its audit entry and (on confirmation) the CaptureConfirmed message
/// commit together; the capture's revision makes a concurrent second decision fail instead of overwriting the first.
/// </summary>
public sealed class CaptureReview(MobileSourceDbContext db, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task<DecisionOutcome> ConfirmAsync(Guid id, ConfirmDecision decision, Reviewer reviewer, CancellationToken ct)
    {
        var capture = await db.Captures.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (capture is null)
        {
            return DecisionOutcome.NotFound();
        }
        if (Undecidable(capture, decision.Revision) is { } conflict)
        {
            return conflict;
        }
        if (decision.Reason is { Length: > MaxReasonLength })
        {
            return DecisionOutcome.Invalid(new FieldError("reason", Bilingual.Text($"at most {MaxReasonLength} characters", $"原因最多 {MaxReasonLength} 个字符")));
        }

        var plate = capture.Plate;
        if (decision.Plate is not null)
        {
            if (!PlateNumber.TryParse(decision.Plate, out var parsed, out var error))
            {
                return DecisionOutcome.Invalid(new FieldError("plate", Bilingual.Text($"'{decision.Plate}' is not a valid plate: {error}", $"“{decision.Plate}”不是有效号牌：{error}")));
            }
            plate = parsed.Value;
        }
        var colour = capture.PlateColour;
        if (decision.PlateColour is not null)
        {
            if (!PlateColourCodes.TryParse(decision.PlateColour, out var parsedColour))
            {
                return DecisionOutcome.Invalid(new FieldError("plateColour", Bilingual.Text($"'{decision.PlateColour}' is not a plate colour", $"“{decision.PlateColour}”不是号牌颜色")));
            }
            colour = parsedColour.ToString();
        }
        if (plate is null)
        {
            return DecisionOutcome.Invalid(new FieldError("plate", Bilingual.Text("no plate was read for this capture: give the plate seen in the evidence, with a reason", "该抓拍未识别出号牌：请填写证据中看到的号牌，并说明原因")));
        }
        if (colour is null)
        {
            return DecisionOutcome.Invalid(new FieldError("plateColour", Bilingual.Text("no plate colour was read for this capture: give it, with a reason", "该抓拍未识别出号牌颜色：请填写颜色，并说明原因")));
        }
        var edited = plate != capture.Plate || colour != capture.PlateColour;
        if (edited && string.IsNullOrWhiteSpace(decision.Reason))
        {
            return DecisionOutcome.Invalid(new FieldError("reason", Bilingual.Text("a changed plate or plate colour needs a reason", "修改号牌或颜色须说明原因")));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (edited)
        {
            capture.OriginalPlate = capture.Plate;
            capture.OriginalPlateColour = capture.PlateColour;
            capture.PlateCorrectionReason = decision.Reason!.Trim();
            capture.Plate = plate;
            capture.PlateColour = colour;
        }
        Decide(capture, CaptureState.Confirmed, reviewer, now);
        var detail = edited
            ? $"plate {capture.OriginalPlate ?? "(none)"} {capture.OriginalPlateColour} corrected to {plate} {colour}: {capture.PlateCorrectionReason}"
            : $"plate {plate} {colour}";
        Audit(capture, "capture.confirmed", reviewer, now, $"{detail}; Ringelmann {capture.RingelmannLevel:0.##} (limit {capture.RingelmannLimit:0.##})");
        db.Enqueue(new CaptureConfirmed(
            capture.Id, plate, colour, capture.RingelmannLevel, capture.RingelmannLimit, capture.CameraId, capture.Site,
            capture.CapturedAtUtc, reviewer.Name), now);
        return await SaveAsync(capture, ct);
    }

    public async Task<DecisionOutcome> RejectAsync(Guid id, RejectDecision decision, Reviewer reviewer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason) || decision.Reason.Length > MaxReasonLength)
        {
            return DecisionOutcome.Invalid(new FieldError("reason", Bilingual.Text($"a rejection needs a reason (at most {MaxReasonLength} characters), e.g. shadow, wet road, steam", $"驳回须说明原因（最多 {MaxReasonLength} 个字符），如阴影、湿路面、水蒸气")));
        }
        var capture = await db.Captures.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (capture is null)
        {
            return DecisionOutcome.NotFound();
        }
        if (Undecidable(capture, decision.Revision) is { } conflict)
        {
            return conflict;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        capture.RejectReason = decision.Reason.Trim();
        Decide(capture, CaptureState.Rejected, reviewer, now);
        Audit(capture, "capture.rejected", reviewer, now, capture.RejectReason);
        return await SaveAsync(capture, ct);
    }

    private static DecisionOutcome? Undecidable(Capture capture, long? revision)
    {
        if (capture.State != CaptureState.PendingReview)
        {
            return DecisionOutcome.Conflict(capture,
                $"capture {capture.Id} was already {capture.State.ToString().ToLowerInvariant()} by {capture.ReviewedBy} at {capture.ReviewedAtUtc:u}");
        }
        if (revision is { } expected && expected != capture.Revision)
        {
            return DecisionOutcome.Conflict(capture,
                $"capture {capture.Id} is at revision {capture.Revision}, the decision was made on revision {expected}: reload it");
        }
        return null;
    }

    private static void Decide(Capture capture, CaptureState state, Reviewer reviewer, DateTime now)
    {
        capture.State = state;
        capture.ReviewedBy = reviewer.Name;
        capture.ReviewedAtUtc = now;
        capture.ReviewedFrom = reviewer.RemoteAddress;
        capture.Revision++;
    }

    private void Audit(Capture capture, string action, Reviewer reviewer, DateTime now, string detail) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now,
            Actor = reviewer.Name,
            Action = action,
            Subject = $"capture:{capture.Id}",
            Detail = detail,
            RemoteAddress = reviewer.RemoteAddress,
        });

    private async Task<DecisionOutcome> SaveAsync(Capture capture, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return DecisionOutcome.Done(capture);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Captures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == capture.Id, ct);
            return DecisionOutcome.Conflict(current, $"capture {capture.Id} was decided by someone else meanwhile; nothing was saved");
        }
    }
}

using MobileSource.Contracts;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Sensing;

public enum ReviewDecisionStatus
{
    Done,
    NotFound,
    AlreadyDecided,
    Invalid,
}

public sealed record ReviewDecision(ReviewDecisionStatus Status, PlateReview? Review, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The plate review queue. A person confirms the plate as read, corrects it, or rejects the reading; the decision is
/// audited, and a confirmed or corrected reading is announced again so the over-limit rule counts it from then on.
/// A rejected one never counts. A review is decided once: a second decision is refused.
/// </summary>
public sealed class PlateReviews(MobileSourceDbContext db, TimeProvider clock)
{
    public async Task<(List<PlateReview> Page, int Total)> ListAsync(string state, string? siteNo, int page, int pageSize, CancellationToken ct)
    {
        var query = db.PlateReviews.AsNoTracking().Where(r => r.State == state && (siteNo == null || r.SiteNo == siteNo));
        var total = await query.CountAsync(ct);
        // Failures first: they are the readings that may make a violation.
        var rows = await query
            .OrderBy(r => r.Outcome == "Fail" ? 0 : 1).ThenBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return (rows, total);
    }

    public Task<PlateReview?> GetAsync(long id, CancellationToken ct) => db.PlateReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <param name="plate">The plate the reviewer sees in the pictures; null confirms the plate as read.</param>
    /// <param name="colour">The plate colour; null keeps the one read.</param>
    public async Task<ReviewDecision> ConfirmAsync(long id, string? plate, string? colour, string? note, string actor, string? from, CancellationToken ct)
    {
        var review = await db.PlateReviews.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return new ReviewDecision(ReviewDecisionStatus.NotFound, null, []);
        }
        if (review.State != PlateReviewStates.Pending)
        {
            return new ReviewDecision(ReviewDecisionStatus.AlreadyDecided, review, []);
        }
        var errors = new List<FieldError>();
        var text = plate ?? review.PlateRead;
        PlateNumber number = default;
        if (text is null || !PlateNumber.TryParse(text, out number, out var plateError))
        {
            errors.Add(new FieldError("plate", plate is null
                ? Bilingual.Text($"the plate as read ('{review.PlateRead}') is not a valid plate: give the plate seen in the pictures",
                    $"识别出的号牌（“{review.PlateRead}”）无效：请填写图片中看到的号牌")
                : Bilingual.Text($"'{plate}' is not a valid plate", $"“{plate}”不是有效号牌")));
        }
        PlateColour? plateColour = review.PlateColour is { } c ? (PlateColour)c : null;
        if (colour is not null)
        {
            plateColour = PlateColourCodes.TryParse(colour, out var parsed) ? parsed : null;
            if (plateColour is null)
            {
                errors.Add(new FieldError("plateColour", Bilingual.Text($"'{colour}' is not a plate colour", $"“{colour}”不是号牌颜色")));
            }
        }
        else if (plateColour is null)
        {
            errors.Add(new FieldError("plateColour", Bilingual.Text("the device sent no plate colour: give the colour seen in the pictures", "设备未发送号牌颜色：请填写图片中看到的颜色")));
        }
        if (note is { Length: > 1000 })
        {
            errors.Add(new FieldError("note", Bilingual.Text("at most 1000 characters", "最多 1000 个字符")));
        }
        if (errors.Count > 0)
        {
            return new ReviewDecision(ReviewDecisionStatus.Invalid, review, errors);
        }

        var reading = await db.Readings.SingleAsync(r => r.SiteNo == review.SiteNo && r.RecordNo == review.RecordNo, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var corrected = number.Value != review.PlateRead || (int)plateColour!.Value != review.PlateColour;
        reading.Plate = number.Value;
        reading.PlateColour = (int)plateColour!.Value;
        reading.NeedsPlateReview = false;
        Decide(review, corrected ? PlateReviewStates.Corrected : PlateReviewStates.Confirmed, number.Value, (int)plateColour.Value, note, actor, from, now);
        db.Enqueue(new RemoteSensingReadingsJudged([ReadingAnnouncement.Of(reading)]), now);
        return await SaveAsync(review, ct);
    }

    public async Task<ReviewDecision> RejectAsync(long id, string? reason, string actor, string? from, CancellationToken ct)
    {
        var review = await db.PlateReviews.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return new ReviewDecision(ReviewDecisionStatus.NotFound, null, []);
        }
        if (review.State != PlateReviewStates.Pending)
        {
            return new ReviewDecision(ReviewDecisionStatus.AlreadyDecided, review, []);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            return new ReviewDecision(ReviewDecisionStatus.Invalid, review, [new FieldError("reason", Bilingual.Text("say why the reading is rejected (at most 1000 characters)", "请说明驳回该检测记录的原因（最多 1000 个字符）"))]);
        }
        Decide(review, PlateReviewStates.Rejected, null, null, reason.Trim(), actor, from, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(review, ct);
    }

    private void Decide(PlateReview review, string state, string? plate, int? colour, string? note, string actor, string? from, DateTime now)
    {
        review.State = state;
        review.DecidedPlate = plate;
        review.DecidedColour = colour;
        review.DecidedBy = actor;
        review.DecidedAtUtc = now;
        review.DecidedFrom = from;
        review.Note = note;
        db.Audit.Add(new AuditEntry
        {
            AtUtc = now,
            Actor = actor,
            Action = $"plate-review.{state.ToLowerInvariant()}",
            Subject = $"{review.SiteNo}/{review.RecordNo}",
            Detail = plate is null
                ? $"read {review.PlateRead}; {note}"
                : $"read {review.PlateRead}, decided {plate} ({(PlateColour)colour!.Value}){(note is null ? "" : $"; {note}")}",
            RemoteAddress = from,
        });
    }

    /// <summary>Saves only if nobody decided the review meanwhile (the state is checked in the update itself).</summary>
    private async Task<ReviewDecision> SaveAsync(PlateReview review, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewDecision(ReviewDecisionStatus.AlreadyDecided, review, []);
        }
        return new ReviewDecision(ReviewDecisionStatus.Done, review, []);
    }
}

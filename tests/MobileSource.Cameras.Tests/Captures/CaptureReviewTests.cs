using System.Text.Json;
using MobileSource.Cameras.Captures;
using MobileSource.Contracts;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Tests.Captures;

public sealed class CaptureReviewTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();
    private static readonly Reviewer Alice = new("operator alice", "10.6.0.21");
    private static readonly Reviewer Bob = new("operator bob", "10.6.0.22");

    [Fact]
    public async Task Confirming_writes_the_decision_its_audit_entry_and_the_message_together()
    {
        var id = await RecordAsync();
        await using var db = _bed.NewDb();
        var outcome = await new CaptureReview(db, _bed.Clock).ConfirmAsync(id, new ConfirmDecision(null, null, null, 0), Alice, CancellationToken.None);

        Assert.Equal(DecisionStatus.Done, outcome.Status);
        await using var check = _bed.NewDb();
        var capture = await check.Captures.SingleAsync(c => c.Id == id);
        Assert.Equal((CaptureState.Confirmed, "operator alice", "10.6.0.21", 1L), (capture.State, capture.ReviewedBy, capture.ReviewedFrom, capture.Revision));
        var audit = await check.Audit.SingleAsync(a => a.Subject == $"capture:{id}");
        Assert.Equal(("capture.confirmed", "10.6.0.21"), (audit.Action, audit.RemoteAddress));
        var message = await check.Outbox.SingleAsync(m => m.MessageType != nameof(CaptureRecorded));
        Assert.Equal("CaptureConfirmed", message.MessageType);
        var confirmed = JsonSerializer.Deserialize<CaptureConfirmed>(message.Body, ContractTypes.Json)!;
        Assert.Equal((id, "豫F12345", "Yellow", 2.0, 1.0, "operator alice"),
            (confirmed.CaptureId, confirmed.Plate, confirmed.PlateColour, confirmed.RingelmannLevel, confirmed.RingelmannLimit, confirmed.ConfirmedBy));
    }

    [Fact]
    public async Task Of_two_reviewers_deciding_at_once_the_second_gets_a_conflict_and_saves_nothing()
    {
        var id = await RecordAsync();
        await using var bobs = _bed.NewDb();
        await bobs.Captures.SingleAsync(c => c.Id == id); // Bob opened the capture before Alice decided.

        await using (var alices = _bed.NewDb())
        {
            var rejected = await new CaptureReview(alices, _bed.Clock).RejectAsync(id, new RejectDecision("shadow of a bridge", null), Alice, CancellationToken.None);
            Assert.Equal(DecisionStatus.Done, rejected.Status);
        }
        var confirmed = await new CaptureReview(bobs, _bed.Clock).ConfirmAsync(id, new ConfirmDecision(null, null, null, null), Bob, CancellationToken.None);

        Assert.Equal(DecisionStatus.Conflict, confirmed.Status);
        Assert.Equal(CaptureState.Rejected, confirmed.Capture!.State);
        await using var check = _bed.NewDb();
        Assert.False(await check.Outbox.AnyAsync(m => m.MessageType != nameof(CaptureRecorded)));
        Assert.Equal(["capture.rejected"], await check.Audit.Where(a => a.Subject == $"capture:{id}").Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_colour_change_is_an_edit_that_needs_a_reason()
    {
        var id = await RecordAsync();
        await using var db = _bed.NewDb();
        var review = new CaptureReview(db, _bed.Clock);
        var refused = await review.ConfirmAsync(id, new ConfirmDecision(null, "蓝", null, null), Alice, CancellationToken.None);
        Assert.Equal("reason", Assert.Single(refused.Errors).Field);

        var done = await review.ConfirmAsync(id, new ConfirmDecision(null, "蓝", "close-up shows a blue plate", null), Alice, CancellationToken.None);
        Assert.Equal(DecisionStatus.Done, done.Status);
        Assert.Equal(("Blue", "Yellow", "豫F12345"), (done.Capture!.PlateColour, done.Capture.OriginalPlateColour, done.Capture.OriginalPlate));
    }

    private async Task<Guid> RecordAsync()
    {
        var evidence = _bed.Stage();
        await using var db = _bed.NewDb();
        await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        return evidence.CaptureId;
    }

    public void Dispose() => _bed.Dispose();
}

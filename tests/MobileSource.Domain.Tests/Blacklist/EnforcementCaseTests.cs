using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Blacklist;

public class EnforcementCaseTests
{
    private static readonly DateTimeOffset ListedAt = new(2024, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PlateIdentity Truck = new(PlateNumber.Parse("豫F12345"), PlateColour.Yellow);
    private static readonly Guid CaseId = Guid.Parse("6f1c1b1e-0000-4000-8000-000000000001");

    private static EnforcementCase Open(BlacklistPolicy? policy = null) =>
        EnforcementCase.Open(CaseId, Truck, ListingReason.RemoteSensingOverLimit, "R1,R2", ListedAt, policy ?? new BlacklistPolicy(), "system");

    private static EnforcementCase InState(CaseState state)
    {
        var c = Open();
        switch (state)
        {
            case CaseState.Notified:
                c.MarkNotified(ListedAt.AddHours(1), "clerk", "SMS");
                break;
            case CaseState.Repaired:
                c.RecordRepair(ListedAt.AddDays(3), "M-001", "m-station");
                break;
            case CaseState.Overdue:
                Assert.True(c.MarkOverdueIfPastDeadline(ListedAt.AddDays(16), "scheduler"));
                break;
            case CaseState.Delisted:
                c.RecordRepair(ListedAt.AddDays(3), "M-001", "m-station");
                Assert.True(c.RecordRetest(true, ListedAt.AddDays(4), "I-001", "i-station", new BlacklistPolicy()).Delisted);
                break;
        }
        Assert.Equal(state, c.State);
        return c;
    }

    [Fact]
    public void Opening_lists_the_vehicle_with_a_deadline()
    {
        var c = Open();

        Assert.Equal(CaseId, c.Id);
        Assert.Equal(Truck.Number, c.Plate);
        Assert.Equal(PlateColour.Yellow, c.Colour);
        Assert.Equal(Truck, c.Vehicle);
        Assert.Equal(ListingReason.RemoteSensingOverLimit, c.Reason);
        Assert.Equal("R1,R2", c.Evidence);
        Assert.Equal(ListedAt, c.ListedAt);
        Assert.Equal(ListedAt.AddDays(15), c.Deadline);
        Assert.Equal(CaseState.Listed, c.State);
        Assert.True(c.IsOpen);
        var opening = Assert.Single(c.Transitions);
        Assert.Null(opening.From);
        Assert.Equal(CaseState.Listed, opening.To);
        Assert.Equal(ListedAt, opening.At);
        Assert.Equal("system", opening.Actor);
    }

    [Fact]
    public void The_deadline_is_configurable()
    {
        Assert.Equal(ListedAt.AddDays(30), Open(new BlacklistPolicy { RepairDeadlineDays = 30 }).Deadline);
    }

    [Fact]
    public void The_full_loop_listed_notified_repaired_delisted()
    {
        var c = Open();
        c.MarkNotified(ListedAt.AddHours(2), "clerk", "SMS to owner and fleet");
        c.RecordRepair(ListedAt.AddDays(5), "M-2024-0001", "m-station-3");
        var result = c.RecordRetest(true, ListedAt.AddDays(6), "I-2024-0042", "i-station-1", new BlacklistPolicy());

        Assert.Equal(new RetestResult(true, null), result);
        Assert.Equal(CaseState.Delisted, c.State);
        Assert.False(c.IsOpen);
        Assert.Equal(ListedAt.AddDays(5), c.RepairedAt);
        Assert.Equal("M-2024-0001", c.RepairReference);
        Assert.Equal(ListedAt.AddDays(6), c.DelistedAt);
        Assert.Equal("I-2024-0042", c.DelistReference);
        Assert.Equal(
            [(null, CaseState.Listed), (CaseState.Listed, CaseState.Notified), (CaseState.Notified, CaseState.Repaired), (CaseState.Repaired, CaseState.Delisted)],
            c.Transitions.Select(t => (t.From, t.To)));
        Assert.Equal("SMS to owner and fleet", c.Transitions[1].Note);
    }

    [Theory]
    [InlineData(CaseState.Listed)]
    [InlineData(CaseState.Notified)]
    [InlineData(CaseState.Overdue)]
    public void Repair_is_accepted_from_open_unrepaired_states(CaseState from)
    {
        var c = InState(from);
        c.RecordRepair(ListedAt.AddDays(20), "M-9", "m-station");
        Assert.Equal(CaseState.Repaired, c.State);
        Assert.Equal(from, c.Transitions[^1].From);
    }

    [Theory]
    [InlineData(CaseState.Repaired)]
    [InlineData(CaseState.Delisted)]
    public void Repair_is_refused_from_other_states(CaseState from)
    {
        var c = InState(from);
        var ex = Assert.Throws<InvalidCaseTransitionException>(() => c.RecordRepair(ListedAt.AddDays(20), "M-9", "m-station"));
        Assert.Equal(from, ex.Current);
        Assert.Equal(CaseState.Repaired, ex.Wanted);
        Assert.Contains(from.ToString(), ex.Message);
        Assert.Contains("Repaired", ex.Message);
    }

    [Theory]
    [InlineData(CaseState.Notified)]
    [InlineData(CaseState.Repaired)]
    [InlineData(CaseState.Overdue)]
    [InlineData(CaseState.Delisted)]
    public void Notification_only_from_listed(CaseState from)
    {
        var c = InState(from);
        var count = c.Transitions.Count;
        var ex = Assert.Throws<InvalidCaseTransitionException>(() => c.MarkNotified(ListedAt.AddDays(20), "clerk", "letter"));
        Assert.Equal("cannot move an enforcement case from " + from + " to Notified", ex.Message);
        Assert.Equal(from, c.State);
        Assert.Equal(count, c.Transitions.Count);
    }

    [Fact]
    public void A_repair_dated_before_the_listing_does_not_count()
    {
        var c = Open();
        var ex = Assert.Throws<ArgumentException>(() => c.RecordRepair(ListedAt.AddDays(-1), "M-old", "m-station"));
        Assert.Contains("before the case was listed", ex.Message);
        Assert.Equal(CaseState.Listed, c.State);
        Assert.Null(c.RepairedAt);
    }

    [Fact]
    public void A_repair_at_the_listing_instant_counts()
    {
        var c = Open();
        c.RecordRepair(ListedAt, "M-1", "m-station");
        Assert.Equal(CaseState.Repaired, c.State);
    }

    [Theory]
    [InlineData(CaseState.Listed)]
    [InlineData(CaseState.Notified)]
    [InlineData(CaseState.Overdue)]
    public void A_passed_retest_without_repair_is_refused_when_required(CaseState from)
    {
        var c = InState(from);
        var policy = new BlacklistPolicy();

        Assert.False(c.RetestAllowed(policy, out var reason));
        Assert.Equal("repair record required before re-test", reason);
        var result = c.RecordRetest(true, ListedAt.AddDays(20), "I-1", "i-station", policy);

        Assert.Equal(new RetestResult(false, "repair record required before re-test"), result);
        Assert.True(result.Refused);
        Assert.Equal(from, c.State);
        Assert.True(c.IsOpen);
    }

    [Theory]
    [InlineData(CaseState.Listed)]
    [InlineData(CaseState.Notified)]
    [InlineData(CaseState.Overdue)]
    [InlineData(CaseState.Repaired)]
    public void A_passed_retest_delists_when_repair_is_not_required(CaseState from)
    {
        var c = InState(from);
        var policy = new BlacklistPolicy { RequireRepairBeforeRetest = false };

        Assert.True(c.RetestAllowed(policy, out var reason));
        Assert.Null(reason);
        Assert.True(c.RecordRetest(true, ListedAt.AddDays(20), "I-1", "i-station", policy).Delisted);
        Assert.Equal(CaseState.Delisted, c.State);
        Assert.Equal(from, c.Transitions[^1].From);
    }

    [Fact]
    public void A_failed_retest_changes_nothing()
    {
        var c = InState(CaseState.Repaired);
        var count = c.Transitions.Count;

        var result = c.RecordRetest(false, ListedAt.AddDays(5), "I-1", "i-station", new BlacklistPolicy());

        Assert.Equal(new RetestResult(false, null), result);
        Assert.True(result.Failed);
        Assert.Equal(CaseState.Repaired, c.State);
        Assert.Equal(count, c.Transitions.Count);
        Assert.Null(c.DelistedAt);
    }

    [Fact]
    public void A_retest_dated_before_the_repair_is_refused()
    {
        var c = InState(CaseState.Repaired);
        var result = c.RecordRetest(true, ListedAt.AddDays(2), "I-1", "i-station", new BlacklistPolicy());
        Assert.Equal(EnforcementCase.RetestBeforeRepair, result.RefusedBecause);
        Assert.Equal(CaseState.Repaired, c.State);
    }

    [Fact]
    public void A_delisted_case_takes_no_more_retests()
    {
        var c = InState(CaseState.Delisted);
        Assert.False(c.RetestAllowed(new BlacklistPolicy(), out var reason));
        Assert.Equal("case is already delisted", reason);
        Assert.Throws<InvalidCaseTransitionException>(() => c.RecordRetest(true, ListedAt.AddDays(9), "I-2", "i-station", new BlacklistPolicy()));
    }

    [Theory]
    [InlineData(CaseState.Listed)]
    [InlineData(CaseState.Notified)]
    public void Open_unrepaired_cases_past_the_deadline_become_overdue(CaseState from)
    {
        var c = InState(from);
        Assert.False(c.MarkOverdueIfPastDeadline(c.Deadline, "scheduler"));
        Assert.Equal(from, c.State);
        Assert.True(c.MarkOverdueIfPastDeadline(c.Deadline.AddSeconds(1), "scheduler"));
        Assert.Equal(CaseState.Overdue, c.State);
        Assert.Equal((from, CaseState.Overdue), (c.Transitions[^1].From!.Value, c.Transitions[^1].To));
        Assert.False(c.MarkOverdueIfPastDeadline(c.Deadline.AddDays(1), "scheduler"));
    }

    [Theory]
    [InlineData(CaseState.Repaired)]
    [InlineData(CaseState.Delisted)]
    public void Repaired_and_delisted_cases_never_become_overdue(CaseState from)
    {
        var c = InState(from);
        Assert.False(c.MarkOverdueIfPastDeadline(ListedAt.AddDays(100), "scheduler"));
        Assert.Equal(from, c.State);
    }

    [Fact]
    public void An_overdue_case_is_repaired_retested_and_delisted()
    {
        var c = InState(CaseState.Overdue);
        c.RecordRepair(ListedAt.AddDays(20), "M-7", "m-station");
        Assert.True(c.RecordRetest(true, ListedAt.AddDays(21), "I-7", "i-station", new BlacklistPolicy()).Delisted);
        Assert.Equal(CaseState.Delisted, c.State);
    }

    [Fact]
    public void Opening_requires_an_actor_and_a_plate()
    {
        Assert.ThrowsAny<ArgumentException>(() => EnforcementCase.Open(CaseId, Truck, ListingReason.BlackSmokeCapture, "", ListedAt, new BlacklistPolicy(), " "));
        Assert.ThrowsAny<ArgumentException>(() => EnforcementCase.Open(CaseId, default, ListingReason.BlackSmokeCapture, "", ListedAt, new BlacklistPolicy(), "system"));
    }

    [Fact]
    public void Transitions_cannot_be_changed_from_outside()
    {
        var c = Open();
        Assert.False(c.Transitions is List<CaseTransition>);
        Assert.Throws<NotSupportedException>(() => ((IList<CaseTransition>)c.Transitions).Add(c.Transitions[0]));
    }

    [Fact]
    public void Policy_defaults_and_validation()
    {
        var policy = new BlacklistPolicy();
        Assert.Equal(15, policy.RepairDeadlineDays);
        Assert.True(policy.RequireRepairBeforeRetest);
        policy.Validate();
        var ex = Assert.Throws<ArgumentException>(new BlacklistPolicy { RepairDeadlineDays = 0 }.Validate);
        Assert.StartsWith("Blacklist:RepairDeadlineDays must be at least 1", ex.Message);
    }
}

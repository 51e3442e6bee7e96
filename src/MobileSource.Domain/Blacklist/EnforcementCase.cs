using System.Globalization;
using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Blacklist;

/// <summary>
/// One listing of a vehicle on the blacklist, from listing to delisting after a passed re-test.
/// Every change is kept in <see cref="Transitions"/>. Shaped for EF Core: private constructor and setters,
/// transitions in the <c>_transitions</c> field.
/// </summary>
public sealed class EnforcementCase
{
    public const string RepairRequiredBeforeRetest = "repair record required before re-test";
    public const string RetestBeforeRepair = "re-test is dated before the repair record";
    public const string CaseClosed = "case is already delisted";

    private readonly List<CaseTransition> _transitions = [];

    private EnforcementCase()
    {
        Evidence = string.Empty;
    }

    public Guid Id { get; private set; }
    public PlateNumber Plate { get; private set; }
    public PlateColour Colour { get; private set; }
    public ListingReason Reason { get; private set; }

    /// <summary>Free text or JSON from the caller, e.g. the record numbers that led to the listing.</summary>
    public string Evidence { get; private set; }

    public DateTimeOffset ListedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public CaseState State { get; private set; }
    public DateTimeOffset? RepairedAt { get; private set; }

    /// <summary>The repair (M) station's record number.</summary>
    public string? RepairReference { get; private set; }

    public DateTimeOffset? DelistedAt { get; private set; }

    /// <summary>The inspection (I) station's record number of the passed re-test.</summary>
    public string? DelistReference { get; private set; }

    public IReadOnlyList<CaseTransition> Transitions => _transitions.AsReadOnly();

    public bool IsOpen => State != CaseState.Delisted;

    public PlateIdentity Vehicle => new(Plate, Colour);

    public static EnforcementCase Open(
        Guid id,
        PlateIdentity vehicle,
        ListingReason reason,
        string evidence,
        DateTimeOffset at,
        BlacklistPolicy policy,
        string actor)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrEmpty(vehicle.Number.Value))
        {
            throw new ArgumentException("vehicle plate is required", nameof(vehicle));
        }
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown listing reason");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policy.RepairDeadlineDays);

        var opened = new EnforcementCase
        {
            Id = id,
            Plate = vehicle.Number,
            Colour = vehicle.Colour,
            Reason = reason,
            Evidence = evidence,
            ListedAt = at,
            Deadline = at.AddDays(policy.RepairDeadlineDays),
            State = CaseState.Listed,
        };
        opened._transitions.Add(new CaseTransition(at, null, CaseState.Listed, actor, $"listed: {reason}"));
        return opened;
    }

    /// <summary>The owner and fleet operator were told; only a freshly listed case can be notified.</summary>
    public void MarkNotified(DateTimeOffset at, string actor, string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        RequireState(CaseState.Notified, CaseState.Listed);
        RequireNotBeforeListing(at, "notification");
        MoveTo(CaseState.Notified, at, actor, note);
    }

    /// <summary>A repair (M) station reported a repair; also accepted after the deadline.</summary>
    public void RecordRepair(DateTimeOffset at, string repairReference, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repairReference);
        RequireState(CaseState.Repaired, CaseState.Listed, CaseState.Notified, CaseState.Overdue);
        // A repair before the listing cannot have fixed what the listing found.
        RequireNotBeforeListing(at, "repair");
        MoveTo(CaseState.Repaired, at, actor, $"repair {repairReference}");
        RepairedAt = at;
        RepairReference = repairReference;
    }

    /// <summary>
    /// An inspection (I) station re-tested the vehicle. A pass delists the case unless the policy wants a
    /// repair record first; a fail changes nothing (the caller may open a new case).
    /// </summary>
    public RetestResult RecordRetest(bool passed, DateTimeOffset at, string inspectionReference, string actor, BlacklistPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inspectionReference);
        ArgumentNullException.ThrowIfNull(policy);
        RequireState(CaseState.Delisted, CaseState.Listed, CaseState.Notified, CaseState.Repaired, CaseState.Overdue);
        RequireNotBeforeListing(at, "re-test");
        if (!passed)
        {
            return new RetestResult(false, null);
        }
        if (!RetestAllowed(policy, out var reason))
        {
            return new RetestResult(false, reason);
        }
        if (policy.RequireRepairBeforeRetest && at < RepairedAt)
        {
            return new RetestResult(false, RetestBeforeRepair);
        }
        MoveTo(CaseState.Delisted, at, actor, $"re-test {inspectionReference} passed");
        DelistedAt = at;
        DelistReference = inspectionReference;
        return new RetestResult(true, null);
    }

    /// <summary>Listed or Notified cases past their deadline become Overdue; true if this one did.</summary>
    public bool MarkOverdueIfPastDeadline(DateTimeOffset now, string actor)
    {
        if (State is not (CaseState.Listed or CaseState.Notified) || now <= Deadline)
        {
            return false;
        }
        MoveTo(CaseState.Overdue, now, actor, $"repair deadline {Deadline.ToString("O", CultureInfo.InvariantCulture)} passed");
        return true;
    }

    /// <summary>A re-test refusal (one of the reasons above) in the reader's language; the English is the reason's code.</summary>
    public static string RefusalForReader(string reason) => reason switch
    {
        RepairRequiredBeforeRetest => Text.Bilingual.Text(reason, "复检前须先登记维修"),
        RetestBeforeRepair => Text.Bilingual.Text(reason, "复检日期早于维修记录"),
        CaseClosed => Text.Bilingual.Text(reason, "该车已移出黑名单"),
        _ => reason,
    };

    /// <summary>Whether an inspection station may take a re-test of this vehicle for this case now.</summary>
    public bool RetestAllowed(BlacklistPolicy policy, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        reason = State switch
        {
            CaseState.Delisted => CaseClosed,
            not CaseState.Repaired when policy.RequireRepairBeforeRetest => RepairRequiredBeforeRetest,
            _ => null,
        };
        return reason is null;
    }

    private void RequireState(CaseState wanted, params CaseState[] allowedFrom)
    {
        if (!allowedFrom.Contains(State))
        {
            throw new InvalidCaseTransitionException(State, wanted);
        }
    }

    private void RequireNotBeforeListing(DateTimeOffset at, string what)
    {
        if (at < ListedAt)
        {
            throw new ArgumentException(
                $"{what} dated {at.ToString("O", CultureInfo.InvariantCulture)} is before the case was listed at {ListedAt.ToString("O", CultureInfo.InvariantCulture)}",
                nameof(at));
        }
    }

    private void MoveTo(CaseState to, DateTimeOffset at, string actor, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _transitions.Add(new CaseTransition(at, State, to, actor, note));
        State = to;
    }
}

using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Cameras.Captures;

/// <summary>An operator's confirmation; a plate or colour that differs from the capture's needs a reason.</summary>
public sealed record ConfirmDecision(string? Plate, string? PlateColour, string? Reason, long? Revision);

public sealed record RejectDecision(string? Reason, long? Revision);

/// <summary>Who decided, and from which address.</summary>
public sealed record Reviewer(string Name, string? RemoteAddress);

public enum DecisionStatus
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record DecisionOutcome(DecisionStatus Status, Capture? Capture, IReadOnlyList<FieldError> Errors, string? Detail)
{
    public static DecisionOutcome Done(Capture c) => new(DecisionStatus.Done, c, [], null);
    public static DecisionOutcome NotFound() => new(DecisionStatus.NotFound, null, [], null);
    public static DecisionOutcome Invalid(params FieldError[] errors) => new(DecisionStatus.Invalid, null, errors, null);
    public static DecisionOutcome Conflict(Capture? current, string detail) => new(DecisionStatus.Conflict, current, [], detail);
}

namespace MobileSource.Domain.Blacklist;

/// <summary>A case was asked to move to a state it cannot reach from its current one.</summary>
public sealed class InvalidCaseTransitionException : InvalidOperationException
{
    public InvalidCaseTransitionException(CaseState current, CaseState wanted)
        : base($"cannot move an enforcement case from {current} to {wanted}")
    {
        Current = current;
        Wanted = wanted;
    }

    public CaseState Current { get; }

    public CaseState Wanted { get; }
}

namespace MobileSource.Domain.Blacklist;

/// <summary>One step in a case's history; <see cref="From"/> is null for the opening.</summary>
public sealed record CaseTransition(DateTimeOffset At, CaseState? From, CaseState To, string Actor, string Note);

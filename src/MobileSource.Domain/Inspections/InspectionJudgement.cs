namespace MobileSource.Domain.Inspections;

/// <summary>
/// <see cref="Failures"/> are the vehicle's; <see cref="Errors"/> are the input's (missing or impossible values),
/// and an inspection with errors is not passed.
/// </summary>
public sealed record InspectionJudgement(bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<string> Errors);

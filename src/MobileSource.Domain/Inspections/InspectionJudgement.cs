namespace MobileSource.Domain.Inspections;

/// <summary>
/// <see cref="Failures"/> are the vehicle's, in English as they are recorded; <see cref="ChineseFailures"/> say the
/// same for a Chinese reader. <see cref="Errors"/> are the input's (missing or impossible values), each naming its
/// field, in the reader's language; an inspection with errors is not passed.
/// </summary>
public sealed record InspectionJudgement(
    bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<ValueError> Errors, IReadOnlyList<string> ChineseFailures)
{
    /// <summary>The failures in the reader's language (<see cref="Text.Bilingual"/>).</summary>
    public IReadOnlyList<string> FailuresForReader => Text.Bilingual.Chinese ? ChineseFailures : Failures;
}

/// <summary>A measured value that is missing or impossible: <see cref="Field"/> is its name (smokeK, noxPpm, ...).</summary>
public sealed record ValueError(string Field, string Message);

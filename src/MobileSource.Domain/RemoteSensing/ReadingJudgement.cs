using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>
/// The verdict on one reading. An invalid reading has reasons and no exceedances.
/// <see cref="NeedsPlateReview"/> flags a low plate recognition confidence whatever the outcome.
/// </summary>
public sealed record ReadingJudgement(
    ReadingOutcome Outcome,
    IReadOnlyList<Exceedance> Exceedances,
    IReadOnlyList<string> InvalidReasons,
    bool NeedsPlateReview)
{
    public IReadOnlyList<Pollutant> FailedPollutants => Exceedances.Select(e => e.Pollutant).Distinct().ToArray();
}

using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>What the over-limit rule needs to know of a judged reading.</summary>
public sealed record JudgedReading(
    string RecordNo,
    DateTimeOffset MeasuredAt,
    ReadingOutcome Outcome,
    IReadOnlyList<Pollutant> FailedPollutants)
{
    public static JudgedReading From(RemoteSensingReading reading, ReadingJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(judgement);
        return new JudgedReading(reading.RecordNo, reading.MeasuredAt, judgement.Outcome, judgement.FailedPollutants);
    }
}

using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>
/// A vehicle is over the limit when its latest reading and the valid readings right before it failed the
/// same pollutant, at least <see cref="OverLimitRuleOptions.ConsecutiveReadings"/> times in a row, all within
/// <see cref="OverLimitRuleOptions.WindowMonths"/> calendar months before the latest. Invalid readings say
/// nothing about the vehicle, so they neither count nor break a streak.
/// </summary>
public static class OverLimitRule
{
    public static IReadOnlyList<OverLimitFinding> Evaluate(
        IEnumerable<JudgedReading> historyIncludingLatest,
        JudgedReading latest,
        OverLimitRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(historyIncludingLatest);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(options);
        if (latest.Outcome != ReadingOutcome.Fail)
        {
            return [];
        }

        var windowStart = latest.MeasuredAt.AddMonths(-options.WindowMonths);
        var newestFirst = historyIncludingLatest
            .Where(r => !IsSameReading(r, latest))
            .Append(latest)
            .Where(r => r.Outcome != ReadingOutcome.Invalid && !IsAfter(r, latest))
            .OrderByDescending(r => r.MeasuredAt)
            .ThenByDescending(r => r.RecordNo, StringComparer.Ordinal)
            .ToList();

        var findings = new List<OverLimitFinding>();
        foreach (var pollutant in latest.FailedPollutants.Distinct().Order())
        {
            var streak = newestFirst
                .TakeWhile(r => r.MeasuredAt >= windowStart && r.Outcome == ReadingOutcome.Fail && r.FailedPollutants.Contains(pollutant))
                .Reverse()
                .ToList();
            if (streak.Count >= options.ConsecutiveReadings)
            {
                findings.Add(new OverLimitFinding(pollutant, streak.Select(r => r.RecordNo).ToArray(), streak[0].MeasuredAt, streak[^1].MeasuredAt));
            }
        }
        return findings;
    }

    // Record numbers are unique per device only, so the time is part of a reading's identity.
    private static bool IsSameReading(JudgedReading a, JudgedReading b) =>
        a.RecordNo == b.RecordNo && a.MeasuredAt == b.MeasuredAt;

    private static bool IsAfter(JudgedReading reading, JudgedReading latest) =>
        reading.MeasuredAt > latest.MeasuredAt
        || (reading.MeasuredAt == latest.MeasuredAt && string.CompareOrdinal(reading.RecordNo, latest.RecordNo) > 0);
}

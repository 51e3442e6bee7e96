using MobileSource.Domain.Limits;
using MobileSource.Domain.RemoteSensing;

namespace MobileSource.Domain.Tests.RemoteSensing;

public class OverLimitRuleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset LatestAt = new(2024, 9, 15, 10, 0, 0, Beijing);

    private static JudgedReading Fail(string no, DateTimeOffset at, params Pollutant[] pollutants) =>
        new(no, at, ReadingOutcome.Fail, pollutants);

    private static JudgedReading Pass(string no, DateTimeOffset at) => new(no, at, ReadingOutcome.Pass, []);

    private static JudgedReading Invalid(string no, DateTimeOffset at) => new(no, at, ReadingOutcome.Invalid, []);

    private static IReadOnlyList<OverLimitFinding> Evaluate(JudgedReading latest, OverLimitRuleOptions? options, params JudgedReading[] earlier) =>
        OverLimitRule.Evaluate(earlier.Append(latest), latest, options ?? new OverLimitRuleOptions());

    [Fact]
    public void Two_consecutive_failures_within_six_months_are_a_finding()
    {
        var latest = Fail("R2", LatestAt, Pollutant.Opacity);
        var finding = Assert.Single(Evaluate(latest, null, Fail("R1", LatestAt.AddDays(-10), Pollutant.Opacity)));

        Assert.Equal(Pollutant.Opacity, finding.Pollutant);
        Assert.Equal(["R1", "R2"], finding.RecordNos);
        Assert.Equal(LatestAt.AddDays(-10), finding.FirstAt);
        Assert.Equal(LatestAt, finding.LastAt);
    }

    [Fact]
    public void A_single_failure_is_not_a_finding()
    {
        Assert.Empty(Evaluate(Fail("R1", LatestAt, Pollutant.No), null));
    }

    [Theory]
    [InlineData(0, true)] // exactly 6 calendar months before: 2024-03-15 10:00
    [InlineData(-1, false)] // one day more
    [InlineData(1, true)]
    public void Six_month_edge(int daysAfterWindowStart, bool finding)
    {
        var earlier = Fail("R1", new DateTimeOffset(2024, 3, 15, 10, 0, 0, Beijing).AddDays(daysAfterWindowStart), Pollutant.No);
        var findings = Evaluate(Fail("R2", LatestAt, Pollutant.No), null, earlier);
        Assert.Equal(finding, findings.Count == 1);
    }

    [Fact]
    public void Calendar_months_clamp_at_month_end()
    {
        // 2024-08-31 minus 6 months is 2024-02-29 (leap year).
        var latest = Fail("R2", new DateTimeOffset(2024, 8, 31, 9, 0, 0, Beijing), Pollutant.No);
        Assert.Single(Evaluate(latest, null, Fail("R1", new DateTimeOffset(2024, 2, 29, 9, 0, 0, Beijing), Pollutant.No)));
        Assert.Empty(Evaluate(latest, null, Fail("R1", new DateTimeOffset(2024, 2, 29, 8, 59, 59, Beijing), Pollutant.No)));
    }

    [Fact]
    public void A_pass_between_breaks_the_streak()
    {
        var findings = Evaluate(
            Fail("R3", LatestAt, Pollutant.Opacity),
            null,
            Fail("R1", LatestAt.AddDays(-20), Pollutant.Opacity),
            Pass("R2", LatestAt.AddDays(-10)));
        Assert.Empty(findings);
    }

    [Fact]
    public void An_invalid_reading_between_does_not_break_the_streak()
    {
        var finding = Assert.Single(Evaluate(
            Fail("R3", LatestAt, Pollutant.Opacity),
            null,
            Fail("R1", LatestAt.AddDays(-20), Pollutant.Opacity),
            Invalid("R2", LatestAt.AddDays(-10))));
        Assert.Equal(["R1", "R3"], finding.RecordNos);
    }

    [Fact]
    public void Different_pollutants_do_not_combine()
    {
        var findings = Evaluate(
            Fail("R2", LatestAt, Pollutant.No),
            null,
            Fail("R1", LatestAt.AddDays(-10), Pollutant.Opacity));
        Assert.Empty(findings);
    }

    [Fact]
    public void A_failure_of_another_pollutant_breaks_the_streak()
    {
        var findings = Evaluate(
            Fail("R3", LatestAt, Pollutant.No),
            null,
            Fail("R1", LatestAt.AddDays(-20), Pollutant.No),
            Fail("R2", LatestAt.AddDays(-10), Pollutant.Opacity));
        Assert.Empty(findings);
    }

    [Fact]
    public void Each_pollutant_of_the_latest_is_evaluated()
    {
        var findings = Evaluate(
            Fail("R3", LatestAt, Pollutant.No, Pollutant.Opacity),
            null,
            Fail("R1", LatestAt.AddDays(-20), Pollutant.No),
            Fail("R2", LatestAt.AddDays(-10), Pollutant.No, Pollutant.Opacity));

        Assert.Equal([Pollutant.No, Pollutant.Opacity], findings.Select(f => f.Pollutant));
        Assert.Equal(["R1", "R2", "R3"], findings[0].RecordNos);
        Assert.Equal(["R2", "R3"], findings[1].RecordNos);
    }

    [Fact]
    public void The_count_is_configurable()
    {
        var options = new OverLimitRuleOptions { ConsecutiveReadings = 3 };
        var latest = Fail("R3", LatestAt, Pollutant.No);
        var second = Fail("R2", LatestAt.AddDays(-10), Pollutant.No);
        Assert.Empty(Evaluate(latest, options, second));
        var finding = Assert.Single(Evaluate(latest, options, second, Fail("R1", LatestAt.AddDays(-20), Pollutant.No)));
        Assert.Equal(["R1", "R2", "R3"], finding.RecordNos);
    }

    [Fact]
    public void The_window_is_configurable()
    {
        var options = new OverLimitRuleOptions { WindowMonths = 1 };
        Assert.Empty(Evaluate(Fail("R2", LatestAt, Pollutant.No), options, Fail("R1", LatestAt.AddDays(-40), Pollutant.No)));
    }

    [Theory]
    [InlineData(ReadingOutcome.Pass)]
    [InlineData(ReadingOutcome.Invalid)]
    public void Nothing_when_the_latest_did_not_fail(ReadingOutcome outcome)
    {
        var latest = new JudgedReading("R3", LatestAt, outcome, []);
        Assert.Empty(Evaluate(latest, null, Fail("R1", LatestAt.AddDays(-20), Pollutant.No), Fail("R2", LatestAt.AddDays(-10), Pollutant.No)));
    }

    [Fact]
    public void Readings_after_the_latest_are_ignored()
    {
        var latest = Fail("R2", LatestAt, Pollutant.No);
        var history = new[] { Pass("R1", LatestAt.AddDays(-1)), latest, Fail("R3", LatestAt.AddDays(1), Pollutant.No) };
        Assert.Empty(OverLimitRule.Evaluate(history, latest, new OverLimitRuleOptions()));

        var history2 = new[] { Fail("R1", LatestAt.AddDays(-1), Pollutant.No), latest, Pass("R3", LatestAt.AddDays(1)) };
        Assert.Single(OverLimitRule.Evaluate(history2, latest, new OverLimitRuleOptions()));
    }

    [Fact]
    public void History_order_does_not_matter_and_ties_are_ordered_by_record_number()
    {
        var latest = Fail("B", LatestAt, Pollutant.No);
        var history = new[] { latest, Fail("A", LatestAt, Pollutant.No), Fail("0", LatestAt.AddDays(-1), Pollutant.No) };
        var finding = Assert.Single(OverLimitRule.Evaluate(history, latest, new OverLimitRuleOptions()));
        Assert.Equal(["0", "A", "B"], finding.RecordNos);
    }

    [Fact]
    public void The_latest_need_not_be_in_the_history()
    {
        var latest = Fail("R2", LatestAt, Pollutant.No);
        var finding = Assert.Single(OverLimitRule.Evaluate([Fail("R1", LatestAt.AddDays(-1), Pollutant.No)], latest, new OverLimitRuleOptions()));
        Assert.Equal(["R1", "R2"], finding.RecordNos);
    }

    [Fact]
    public void A_judged_reading_is_made_from_a_reading_and_its_judgement()
    {
        var reading = Readings.CleanDiesel() with { NoPpm = 2000 };
        var judgement = ReadingJudge.Judge(reading, new EmissionLimits(), new ReadingValidityOptions());
        var judged = JudgedReading.From(reading, judgement);
        Assert.Equal("R1", judged.RecordNo);
        Assert.Equal(reading.MeasuredAt, judged.MeasuredAt);
        Assert.Equal(ReadingOutcome.Fail, judged.Outcome);
        Assert.Equal([Pollutant.No], judged.FailedPollutants);
    }
}

using MobileSource.Domain.Roadside;

namespace MobileSource.Domain.Tests.Roadside;

public sealed class RoadsideDecisionTests
{
    [Theory]
    [InlineData(RoadsideDecisionKind.Penalty, false, null, null)]            // a warning
    [InlineData(RoadsideDecisionKind.Penalty, false, 0, null)]               // a warning
    [InlineData(RoadsideDecisionKind.Penalty, false, 20, null)]
    [InlineData(RoadsideDecisionKind.Penalty, false, 200, null)]
    [InlineData(RoadsideDecisionKind.Penalty, false, 19, "20-200 yuan")]
    [InlineData(RoadsideDecisionKind.Penalty, false, 201, "20-200 yuan")]
    [InlineData(RoadsideDecisionKind.Penalty, true, 100, "passed the check")]
    [InlineData(RoadsideDecisionKind.Release, true, null, null)]
    [InlineData(RoadsideDecisionKind.Release, false, null, null)]            // the officer may let a failed vehicle go
    [InlineData(RoadsideDecisionKind.Release, false, 50, "not fined")]
    public void Code_6063_penalises_only_failed_emissions_with_a_warning_or_20_to_200_yuan(
        RoadsideDecisionKind decision, bool passed, int? fine, string? problem)
    {
        var result = RoadsideDecision.Check(decision, passed, fine);

        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result);
        }
    }
}

using MobileSource.Domain.Inspections;
using MobileSource.Domain.Limits;

namespace MobileSource.Domain.Tests.Inspections;

public class InspectionJudgeTests
{
    private static InspectionLimits Set(InspectionLimitSet set) => new() { Set = set };

    [Theory]
    [InlineData(InspectionLimitSet.A, 1.2, true)]
    [InlineData(InspectionLimitSet.A, 1.21, false)]
    [InlineData(InspectionLimitSet.A, 0.9, true)]
    [InlineData(InspectionLimitSet.B, 0.7, true)]
    [InlineData(InspectionLimitSet.B, 0.71, false)]
    [InlineData(InspectionLimitSet.B, 0.9, false)]
    [InlineData(InspectionLimitSet.A, 0, true)]
    public void Free_acceleration(InspectionLimitSet set, double k, bool passed)
    {
        var judgement = InspectionJudge.Judge(InspectionMethod.FreeAcceleration, new InspectionValues { SmokeK = k }, Set(set));
        Assert.Equal(passed, judgement.Passed);
        Assert.Empty(judgement.Errors);
        Assert.Equal(passed ? 0 : 1, judgement.Failures.Count);
    }

    [Fact]
    public void Failure_names_value_limit_and_set()
    {
        var judgement = InspectionJudge.Judge(InspectionMethod.FreeAcceleration, new InspectionValues { SmokeK = 0.9 }, Set(InspectionLimitSet.B));
        Assert.Equal(["free acceleration smoke k 0.9 m-1 is above the limit 0.7 m-1 (limit b)"], judgement.Failures);
    }

    [Theory]
    [InlineData(InspectionLimitSet.A, 1.2, 1500, 0)]
    [InlineData(InspectionLimitSet.A, 1.3, 1500, 1)]
    [InlineData(InspectionLimitSet.A, 1.2, 1501, 1)]
    [InlineData(InspectionLimitSet.A, 1.3, 1600, 2)]
    [InlineData(InspectionLimitSet.B, 0.7, 900, 0)]
    [InlineData(InspectionLimitSet.B, 0.8, 900, 1)]
    [InlineData(InspectionLimitSet.B, 0.7, 1000, 1)]
    [InlineData(InspectionLimitSet.B, 1.2, 1500, 2)]
    public void Lug_down(InspectionLimitSet set, double k, double nox, int failures)
    {
        var judgement = InspectionJudge.Judge(InspectionMethod.LugDown, new InspectionValues { SmokeK = k, NoxPpm = nox }, Set(set));
        Assert.Equal(failures, judgement.Failures.Count);
        Assert.Equal(failures == 0, judgement.Passed);
        Assert.Empty(judgement.Errors);
    }

    [Theory]
    [InlineData(true, 0, true, null, true, 0)]
    [InlineData(true, 0, true, false, true, 0)]
    [InlineData(true, 2, true, null, false, 1)]
    [InlineData(true, 0, false, null, false, 1)]
    [InlineData(true, 0, true, true, false, 1)]
    [InlineData(true, 3, false, true, false, 3)]
    [InlineData(false, null, null, null, false, 1)]
    public void Obd(bool communication, int? faultCodes, bool? readiness, bool? mil, bool passed, int failures)
    {
        var values = new InspectionValues { ObdCommunicationOk = communication, ObdFaultCodes = faultCodes, ObdReadiness = readiness, ObdMilOn = mil };
        var judgement = InspectionJudge.Judge(InspectionMethod.Obd, values, new InspectionLimits());
        Assert.Equal(passed, judgement.Passed);
        Assert.Equal(failures, judgement.Failures.Count);
        Assert.Empty(judgement.Errors);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(1.5, false)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void Ringelmann(double level, bool passed)
    {
        var judgement = InspectionJudge.Judge(InspectionMethod.Ringelmann, new InspectionValues { RingelmannLevel = level }, new InspectionLimits());
        Assert.Equal(passed, judgement.Passed);
        Assert.Empty(judgement.Errors);
    }

    public static TheoryData<InspectionMethod, InspectionValues, string> BadInputs => new()
    {
        { InspectionMethod.FreeAcceleration, new InspectionValues(), "values.smokeK is required for FreeAcceleration" },
        { InspectionMethod.FreeAcceleration, new InspectionValues { SmokeK = -0.1 }, "values.smokeK must not be negative, got -0.1" },
        { InspectionMethod.FreeAcceleration, new InspectionValues { SmokeK = double.NaN }, "values.smokeK is not a number" },
        { InspectionMethod.LugDown, new InspectionValues { NoxPpm = 100 }, "values.smokeK is required for LugDown" },
        { InspectionMethod.LugDown, new InspectionValues { SmokeK = 0.5 }, "values.noxPpm is required for LugDown" },
        { InspectionMethod.LugDown, new InspectionValues { SmokeK = 0.5, NoxPpm = -1 }, "values.noxPpm must not be negative, got -1" },
        { InspectionMethod.Obd, new InspectionValues(), "values.obdCommunicationOk is required for Obd" },
        { InspectionMethod.Obd, new InspectionValues { ObdCommunicationOk = true, ObdReadiness = true }, "values.obdFaultCodes is required for Obd" },
        { InspectionMethod.Obd, new InspectionValues { ObdCommunicationOk = true, ObdFaultCodes = 0 }, "values.obdReadiness is required for Obd" },
        { InspectionMethod.Obd, new InspectionValues { ObdCommunicationOk = true, ObdFaultCodes = -1, ObdReadiness = true }, "values.obdFaultCodes must not be negative, got -1" },
        { InspectionMethod.Ringelmann, new InspectionValues(), "values.ringelmannLevel is required for Ringelmann" },
        { InspectionMethod.Ringelmann, new InspectionValues { RingelmannLevel = 6 }, "values.ringelmannLevel must be between 0 and 5, got 6" },
        { InspectionMethod.Ringelmann, new InspectionValues { RingelmannLevel = -1 }, "values.ringelmannLevel must not be negative, got -1" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_an_error_not_a_pass(InspectionMethod method, InspectionValues values, string error)
    {
        var judgement = InspectionJudge.Judge(method, values, new InspectionLimits());
        Assert.False(judgement.Passed);
        Assert.Equal([error], judgement.Errors.Select(e => e.Message));
        Assert.Empty(judgement.Failures);
    }
}

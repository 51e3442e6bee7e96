using MobileSource.Domain.Limits;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.Limits;

public class EmissionLimitsTests
{
    [Fact]
    public void Defaults_are_the_cited_national_values()
    {
        var limits = new EmissionLimits();
        Assert.Equal(30, limits.Diesel.OpacityPercent);
        Assert.Equal(1500, limits.Diesel.NoPpm);
        Assert.Equal(1, limits.Diesel.RingelmannLevel);
        Assert.Equal(2.5, limits.Gasoline.CoPercent);
        Assert.Equal(1500, limits.Gasoline.NoPpm);
        Assert.Null(limits.Gasoline.HcPpm);
        Assert.Equal(InspectionLimitSet.A, limits.Inspection.Set);
        Assert.Equal(1.2, limits.Inspection.FreeAccelerationK_A);
        Assert.Equal(0.7, limits.Inspection.FreeAccelerationK_B);
        Assert.Equal(1.2, limits.Inspection.LugDownK_A);
        Assert.Equal(0.7, limits.Inspection.LugDownK_B);
        Assert.Equal(1500, limits.Inspection.LugDownNoxPpm_A);
        Assert.Equal(900, limits.Inspection.LugDownNoxPpm_B);
        Assert.Equal(1, limits.Inspection.RingelmannLevel);
        Assert.Equal(2, limits.OverLimitRule.ConsecutiveReadings);
        Assert.Equal(6, limits.OverLimitRule.WindowMonths);
        limits.Validate();
    }

    [Fact]
    public void Diesel_is_judged_on_opacity_and_NO()
    {
        Assert.Equal(
            [new PollutantLimit(Pollutant.Opacity, 30), new PollutantLimit(Pollutant.No, 1500)],
            new EmissionLimits().RemoteSensingLimitsFor(FuelType.Diesel));
    }

    [Theory]
    [InlineData(FuelType.Gasoline)]
    [InlineData(FuelType.Mixed)]
    [InlineData(FuelType.NaturalGas)]
    [InlineData(FuelType.Lpg)]
    [InlineData(FuelType.Methanol)]
    [InlineData(FuelType.Ethanol)]
    [InlineData(FuelType.Hybrid)]
    public void Spark_ignition_fuels_are_judged_on_CO_and_NO(FuelType fuel)
    {
        Assert.Equal(
            [new PollutantLimit(Pollutant.Co, 2.5), new PollutantLimit(Pollutant.No, 1500)],
            new EmissionLimits().RemoteSensingLimitsFor(fuel));
    }

    [Fact]
    public void HC_is_judged_only_when_configured()
    {
        var limits = new EmissionLimits { Gasoline = { HcPpm = 1200 } };
        Assert.Equal(
            [new PollutantLimit(Pollutant.Co, 2.5), new PollutantLimit(Pollutant.Hc, 1200), new PollutantLimit(Pollutant.No, 1500)],
            limits.RemoteSensingLimitsFor(FuelType.Gasoline));
        Assert.DoesNotContain(limits.RemoteSensingLimitsFor(FuelType.Diesel), l => l.Pollutant == Pollutant.Hc);
    }

    [Theory]
    [InlineData(FuelType.Electric)]
    [InlineData(FuelType.Solar)]
    [InlineData(FuelType.Other)]
    public void Fuels_without_a_tailpipe_limit_have_none(FuelType fuel)
    {
        Assert.Empty(new EmissionLimits().RemoteSensingLimitsFor(fuel));
    }

    [Fact]
    public void Configured_values_are_used()
    {
        var limits = new EmissionLimits { Diesel = { OpacityPercent = 25, NoPpm = 1200 } };
        Assert.Equal(
            [new PollutantLimit(Pollutant.Opacity, 25), new PollutantLimit(Pollutant.No, 1200)],
            limits.RemoteSensingLimitsFor(FuelType.Diesel));
    }

    public static TheoryData<Action<EmissionLimits>, string> BadOptions => new()
    {
        { l => l.Diesel.OpacityPercent = 101, "Limits:Diesel:OpacityPercent must be between 0 and 100" },
        { l => l.Diesel.OpacityPercent = -1, "Limits:Diesel:OpacityPercent must be between 0 and 100" },
        { l => l.Diesel.OpacityPercent = double.NaN, "Limits:Diesel:OpacityPercent must be between 0 and 100" },
        { l => l.Diesel.NoPpm = 0, "Limits:Diesel:NoPpm must be a positive number" },
        { l => l.Diesel.RingelmannLevel = 6, "Limits:Diesel:RingelmannLevel must be between 0 and 5" },
        { l => l.Gasoline.CoPercent = 200, "Limits:Gasoline:CoPercent must be between 0 and 100" },
        { l => l.Gasoline.NoPpm = -5, "Limits:Gasoline:NoPpm must be a positive number" },
        { l => l.Gasoline.HcPpm = 0, "Limits:Gasoline:HcPpm must be a positive number" },
        { l => l.Inspection.Set = (InspectionLimitSet)7, "Limits:Inspection:Set must be A or B" },
        { l => l.Inspection.FreeAccelerationK_A = 0, "Limits:Inspection:FreeAccelerationK_A must be a positive number" },
        { l => l.Inspection.LugDownK_B = -0.7, "Limits:Inspection:LugDownK_B must be a positive number" },
        { l => l.Inspection.LugDownNoxPpm_B = double.PositiveInfinity, "Limits:Inspection:LugDownNoxPpm_B must be a positive number" },
        { l => l.Inspection.RingelmannLevel = -1, "Limits:Inspection:RingelmannLevel must be between 0 and 5" },
        { l => l.OverLimitRule.ConsecutiveReadings = 0, "Limits:OverLimitRule:ConsecutiveReadings must be at least 1" },
        { l => l.OverLimitRule.WindowMonths = 0, "Limits:OverLimitRule:WindowMonths must be at least 1" },
        { l => l.Diesel = null!, "Limits:Diesel section is required" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_names_the_bad_option(Action<EmissionLimits> spoil, string expected)
    {
        var limits = new EmissionLimits();
        spoil(limits);
        var ex = Assert.Throws<ArgumentException>(limits.Validate);
        Assert.StartsWith(expected, ex.Message);
    }
}

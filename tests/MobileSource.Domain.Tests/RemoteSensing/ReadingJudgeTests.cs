using MobileSource.Domain.Limits;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.RemoteSensing;

public class ReadingJudgeTests
{
    private static ReadingJudgement Judge(RemoteSensingReading reading, EmissionLimits? limits = null, ReadingValidityOptions? validity = null) =>
        ReadingJudge.Judge(reading, limits ?? new EmissionLimits(), validity ?? new ReadingValidityOptions());

    [Fact]
    public void Clean_diesel_passes()
    {
        var judgement = Judge(Readings.CleanDiesel());
        Assert.Equal(ReadingOutcome.Pass, judgement.Outcome);
        Assert.Empty(judgement.Exceedances);
        Assert.Empty(judgement.InvalidReasons);
        Assert.Empty(judgement.FailedPollutants);
        Assert.False(judgement.NeedsPlateReview);
    }

    [Fact]
    public void Clean_gasoline_passes()
    {
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanGasoline()).Outcome);
    }

    [Theory]
    [InlineData(30.1, 800, Pollutant.Opacity, 30.1, 30)]
    [InlineData(10, 1501, Pollutant.No, 1501, 1500)]
    public void Diesel_fails_per_pollutant(double opacity, double no, Pollutant failed, double value, double limit)
    {
        var judgement = Judge(Readings.CleanDiesel() with { OpacityPercent = opacity, NoPpm = no });
        Assert.Equal(ReadingOutcome.Fail, judgement.Outcome);
        Assert.Equal([new Exceedance(failed, value, limit)], judgement.Exceedances);
        Assert.Equal([failed], judgement.FailedPollutants);
    }

    [Theory]
    [InlineData(2.6, 300, Pollutant.Co)]
    [InlineData(0.5, 1600, Pollutant.No)]
    public void Gasoline_fails_per_pollutant(double co, double no, Pollutant failed)
    {
        var judgement = Judge(Readings.CleanGasoline() with { CoPercent = co, NoPpm = no });
        Assert.Equal(ReadingOutcome.Fail, judgement.Outcome);
        Assert.Equal([failed], judgement.FailedPollutants);
    }

    [Fact]
    public void Both_diesel_pollutants_can_fail_together()
    {
        var judgement = Judge(Readings.CleanDiesel() with { OpacityPercent = 45, NoPpm = 2000 });
        Assert.Equal([Pollutant.Opacity, Pollutant.No], judgement.FailedPollutants);
    }

    [Fact]
    public void HC_fails_only_when_a_limit_is_configured()
    {
        var reading = Readings.CleanGasoline() with { HcPpm = 5000 };
        Assert.Equal(ReadingOutcome.Pass, Judge(reading).Outcome);
        var judgement = Judge(reading, new EmissionLimits { Gasoline = { HcPpm = 1200 } });
        Assert.Equal([Pollutant.Hc], judgement.FailedPollutants);
    }

    [Fact]
    public void A_value_equal_to_the_limit_passes()
    {
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel() with { OpacityPercent = 30, NoPpm = 1500 }).Outcome);
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanGasoline() with { CoPercent = 2.5, NoPpm = 1500 }).Outcome);
    }

    [Fact]
    public void A_missing_pollutant_value_is_not_an_exceedance()
    {
        var judgement = Judge(Readings.CleanDiesel() with { OpacityPercent = null, NoPpm = null });
        Assert.Equal(ReadingOutcome.Pass, judgement.Outcome);
    }

    [Fact]
    public void Diesel_is_not_judged_on_gasoline_pollutants()
    {
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel() with { CoPercent = 9 }).Outcome);
    }

    [Fact]
    public void Electric_vehicles_have_nothing_to_fail()
    {
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel() with { Fuel = FuelType.Electric, OpacityPercent = 90 }).Outcome);
    }

    public static TheoryData<Func<RemoteSensingReading, RemoteSensingReading>, string> InvalidReadings => new()
    {
        { r => r with { Plate = null, PlateRaw = null }, "hphm (plate) is missing" },
        { r => r with { Plate = null, PlateRaw = " " }, "hphm (plate) is missing" },
        { r => r with { Plate = null, PlateRaw = "豫F123" }, "hphm (plate) '豫F123' is not a valid plate: plate must be 7 or 8 characters after normalisation, got 5" },
        { r => r with { Plate = null, PlateRaw = "无牌" }, "hphm (plate) '无牌' is not a valid plate: plate must be 7 or 8 characters after normalisation, got 2" },
        { r => r with { Fuel = null }, "rlzl (fuel type) is missing" },
        { r => r with { Fuel = FuelType.Other }, "rlzl (fuel type) Z (other) is not a known fuel" },
        { r => r with { SpeedMps = null }, "clsd (speed) is missing" },
        { r => r with { SpeedMps = 1.2 }, "clsd (speed) 1.2 m/s is below the minimum 2.8 m/s" },
        { r => r with { SpeedMps = 31 }, "clsd (speed) 31 m/s is above the maximum 30.6 m/s" },
        { r => r with { SpeedMps = double.NaN }, "clsd (speed) is not a number" },
        { r => r with { AccelerationMps2 = null }, "cljsd (acceleration) is missing" },
        { r => r with { AccelerationMps2 = -1.5 }, "cljsd (acceleration) -1.5 m/s² is below the minimum -0.5 m/s²" },
        { r => r with { AccelerationMps2 = 3.5 }, "cljsd (acceleration) 3.5 m/s² is above the maximum 3 m/s²" },
        { r => r with { VspKwPerTonne = -2 }, "vsp (vehicle specific power) -2 kW/t is below the minimum 0 kW/t" },
        { r => r with { VspKwPerTonne = 25 }, "vsp (vehicle specific power) 25 kW/t is above the maximum 20 kW/t" },
        { r => r with { WindSpeedMps = 6 }, "fs (wind speed) 6 m/s is above the maximum 5 m/s" },
        { r => r with { TemperatureC = -25 }, "hjwd (temperature) -25 °C is below the minimum -20 °C" },
        { r => r with { TemperatureC = 46 }, "hjwd (temperature) 46 °C is above the maximum 45 °C" },
        { r => r with { HumidityPercent = 90 }, "sd (humidity) 90 % is above the maximum 85 %" },
    };

    [Theory]
    [MemberData(nameof(InvalidReadings))]
    public void Invalid_readings_name_the_field(Func<RemoteSensingReading, RemoteSensingReading> spoil, string reason)
    {
        var judgement = Judge(spoil(Readings.CleanDiesel() with { OpacityPercent = 80 }));
        Assert.Equal(ReadingOutcome.Invalid, judgement.Outcome);
        Assert.Equal([reason], judgement.InvalidReasons);
        Assert.Empty(judgement.Exceedances);
    }

    [Fact]
    public void All_reasons_are_reported()
    {
        var judgement = Judge(Readings.CleanDiesel() with { Plate = null, PlateRaw = null, Fuel = null, SpeedMps = null, HumidityPercent = 99 });
        Assert.Equal(4, judgement.InvalidReasons.Count);
    }

    [Fact]
    public void A_raw_plate_that_parses_is_enough()
    {
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel() with { Plate = null, PlateRaw = "豫F·12345" }).Outcome);
    }

    [Fact]
    public void Missing_optional_conditions_do_not_invalidate()
    {
        var reading = Readings.CleanDiesel() with
        {
            VspKwPerTonne = null,
            SlopeDegrees = null,
            WindSpeedMps = null,
            TemperatureC = null,
            HumidityPercent = null,
            PressureKpa = null,
            Co2Percent = null,
            PlateConfidence = null,
        };
        var judgement = Judge(reading);
        Assert.Equal(ReadingOutcome.Pass, judgement.Outcome);
        Assert.False(judgement.NeedsPlateReview);
    }

    [Fact]
    public void Conditions_at_their_bounds_are_valid()
    {
        var reading = Readings.CleanDiesel() with
        {
            SpeedMps = 2.8,
            AccelerationMps2 = -0.5,
            VspKwPerTonne = 20,
            WindSpeedMps = 5,
            TemperatureC = -20,
            HumidityPercent = 85,
        };
        Assert.Equal(ReadingOutcome.Pass, Judge(reading).Outcome);
        Assert.Equal(ReadingOutcome.Pass, Judge(reading with { SpeedMps = 30.6, AccelerationMps2 = 3, VspKwPerTonne = 0, TemperatureC = 45 }).Outcome);
    }

    [Fact]
    public void Slope_is_checked_only_when_configured()
    {
        var steep = Readings.CleanDiesel() with { SlopeDegrees = -7 };
        Assert.Equal(ReadingOutcome.Pass, Judge(steep).Outcome);
        var judgement = Judge(steep, validity: new ReadingValidityOptions { MaxSlopeDegrees = 5 });
        Assert.Equal(["cdpd (slope) -7 degrees is below the minimum -5 degrees"], judgement.InvalidReasons);
    }

    [Fact]
    public void CO2_is_checked_only_when_configured_and_then_required()
    {
        var validity = new ReadingValidityOptions { MinCo2Percent = 6 };
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel() with { Co2Percent = 1 }).Outcome);
        Assert.Equal(["co2jg (CO2) 1 % is below the minimum 6 %"], Judge(Readings.CleanDiesel() with { Co2Percent = 1 }, validity: validity).InvalidReasons);
        Assert.Equal(["co2jg (CO2) is missing"], Judge(Readings.CleanDiesel() with { Co2Percent = null }, validity: validity).InvalidReasons);
        Assert.Equal(ReadingOutcome.Pass, Judge(Readings.CleanDiesel(), validity: validity).Outcome);
    }

    [Theory]
    [InlineData(79.9, true)]
    [InlineData(80, false)]
    [InlineData(99, false)]
    public void Low_plate_confidence_is_judged_but_flagged(double confidence, bool review)
    {
        var judgement = Judge(Readings.CleanDiesel() with { PlateConfidence = confidence, NoPpm = 2000 });
        Assert.Equal(ReadingOutcome.Fail, judgement.Outcome);
        Assert.Equal(review, judgement.NeedsPlateReview);
    }

    [Fact]
    public void Speed_is_sent_in_metres_per_second()
    {
        Assert.Equal(36, (Readings.CleanDiesel() with { SpeedMps = 10 }).SpeedKmh!.Value, 9);
        Assert.Null((Readings.CleanDiesel() with { SpeedMps = null }).SpeedKmh);
    }

    [Fact]
    public void Validity_defaults_validate_and_bad_options_are_named()
    {
        new ReadingValidityOptions().Validate();
        var ex = Assert.Throws<ArgumentException>(new ReadingValidityOptions { MinSpeedMps = 40 }.Validate);
        Assert.Equal("ReadingValidity:MinSpeedMps must not be greater than MaxSpeedMps", ex.Message);
        ex = Assert.Throws<ArgumentException>(new ReadingValidityOptions { MaxHumidityPercent = 120 }.Validate);
        Assert.Equal("ReadingValidity:MaxHumidityPercent must be between 0 and 100", ex.Message);
    }
}

using System.Globalization;
using MobileSource.Domain.Limits;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>Judges one remote-sensing reading: valid or not, then each pollutant of the fuel against its limit.</summary>
public static class ReadingJudge
{
    public static ReadingJudgement Judge(RemoteSensingReading reading, EmissionLimits limits, ReadingValidityOptions validity)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(validity);

        var reasons = new List<string>();
        CheckPlate(reading, reasons);
        CheckFuel(reading.Fuel, reasons);
        CheckConditions(reading, validity, reasons);
        var needsPlateReview = reading.PlateConfidence is { } confidence && confidence < validity.MinPlateConfidence;

        if (reasons.Count > 0)
        {
            return new ReadingJudgement(ReadingOutcome.Invalid, [], reasons, needsPlateReview);
        }

        var exceedances = new List<Exceedance>();
        foreach (var limit in limits.RemoteSensingLimitsFor(reading.Fuel!.Value))
        {
            // A pollutant the device did not measure is not an exceedance.
            if (reading.ValueOf(limit.Pollutant) is { } value && value > limit.Limit)
            {
                exceedances.Add(new Exceedance(limit.Pollutant, value, limit.Limit));
            }
        }
        var outcome = exceedances.Count > 0 ? ReadingOutcome.Fail : ReadingOutcome.Pass;
        return new ReadingJudgement(outcome, exceedances, [], needsPlateReview);
    }

    private static void CheckPlate(RemoteSensingReading reading, List<string> reasons)
    {
        if (reading.Plate is not null)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(reading.PlateRaw))
        {
            reasons.Add("hphm (plate) is missing");
        }
        else if (!PlateNumber.TryParse(reading.PlateRaw, out _, out var error))
        {
            reasons.Add($"hphm (plate) '{reading.PlateRaw}' is not a valid plate: {error}");
        }
    }

    private static void CheckFuel(FuelType? fuel, List<string> reasons)
    {
        if (fuel is null)
        {
            reasons.Add("rlzl (fuel type) is missing");
        }
        else if (fuel == FuelType.Other)
        {
            // Without a known fuel there is no limit to judge by.
            reasons.Add("rlzl (fuel type) Z (other) is not a known fuel");
        }
    }

    private static void CheckConditions(RemoteSensingReading r, ReadingValidityOptions v, List<string> reasons)
    {
        Required(r.SpeedMps, "clsd (speed)", "m/s", v.MinSpeedMps, v.MaxSpeedMps, reasons);
        Required(r.AccelerationMps2, "cljsd (acceleration)", "m/s²", v.MinAccelerationMps2, v.MaxAccelerationMps2, reasons);
        Optional(r.VspKwPerTonne, "vsp (vehicle specific power)", "kW/t", v.MinVsp, v.MaxVsp, reasons);
        if (v.MaxSlopeDegrees is { } maxSlope)
        {
            Optional(r.SlopeDegrees, "cdpd (slope)", "degrees", -maxSlope, maxSlope, reasons);
        }
        Optional(r.WindSpeedMps, "fs (wind speed)", "m/s", double.NegativeInfinity, v.MaxWindSpeedMps, reasons);
        Optional(r.TemperatureC, "hjwd (temperature)", "°C", v.MinTemperatureC, v.MaxTemperatureC, reasons);
        Optional(r.HumidityPercent, "sd (humidity)", "%", double.NegativeInfinity, v.MaxHumidityPercent, reasons);
        if (v.MinCo2Percent > 0)
        {
            Required(r.Co2Percent, "co2jg (CO2)", "%", v.MinCo2Percent, double.PositiveInfinity, reasons);
        }
    }

    private static void Required(double? value, string field, string unit, double min, double max, List<string> reasons)
    {
        if (value is null)
        {
            reasons.Add($"{field} is missing");
            return;
        }
        Optional(value, field, unit, min, max, reasons);
    }

    private static void Optional(double? value, string field, string unit, double min, double max, List<string> reasons)
    {
        switch (value)
        {
            case null:
                return;
            case { } v when !double.IsFinite(v):
                reasons.Add($"{field} is not a number");
                return;
            case { } v when v < min:
                reasons.Add($"{field} {Format(v)} {unit} is below the minimum {Format(min)} {unit}");
                return;
            case { } v when v > max:
                reasons.Add($"{field} {Format(v)} {unit} is above the maximum {Format(max)} {unit}");
                return;
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.RemoteSensing;

/// <summary>Valid readings under the default options, to vary one field at a time.</summary>
internal static class Readings
{
    public static readonly DateTimeOffset Noon = new(2024, 8, 31, 12, 0, 0, TimeSpan.FromHours(8));

    public static RemoteSensingReading CleanDiesel() => new()
    {
        RecordNo = "R1",
        SiteNo = "410600001",
        LineNo = "1",
        Lane = 1,
        MeasuredAt = Noon,
        PlateRaw = "豫F12345",
        Plate = PlateNumber.Parse("豫F12345"),
        Colour = PlateColour.Yellow,
        PlateConfidence = 95,
        Fuel = FuelType.Diesel,
        Co2Percent = 8,
        NoPpm = 800,
        OpacityPercent = 10,
        Ringelmann = 0,
        SpeedMps = 12,
        AccelerationMps2 = 0.3,
        VspKwPerTonne = 6,
        SlopeDegrees = 0.5,
        WindSpeedMps = 1.5,
        TemperatureC = 25,
        HumidityPercent = 50,
        PressureKpa = 101,
    };

    public static RemoteSensingReading CleanGasoline() => CleanDiesel() with
    {
        Fuel = FuelType.Gasoline,
        Colour = PlateColour.Blue,
        OpacityPercent = null,
        Ringelmann = null,
        CoPercent = 0.5,
        HcPpm = 100,
        NoPpm = 300,
    };
}

using System.Text.Json;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Infrastructure.Tests.Sensing;

public class RecordLayoutTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private const string National = """
        { "jlbh": "R-77", "dwbh": "HB-RS-001", "ycxbh": "L1", "cdxh": 2, "jcrq": "2026-11-30 09:12:31", "hphm": "豫F52001",
          "hpzl": "01", "sbzxd": 96.5, "rlzl": "B", "co2jg": 11.2, "cojg": 0.05, "hcjg": 40, "nojg": 1820, "btgdjg": 12,
          "lgmhd": 0.5, "clsd": 12.5, "cljsd": 0.4, "vsp": 6.1, "cdpd": 0.5, "fs": 1.8, "hjwd": 12, "sd": 45, "dqy": 100.8 }
        """;

    private const string DeviceSoftware = """
        { "TESTNO": "R-77", "MN": "HB-RS-001", "LINENO": "L1", "LaneNumber": 2, "TESTDATE": "2026-11-30 09:12:31", "LICENSE": "豫F52001",
          "LICENSETYPE": "01", "LICENSECONF": 96.5, "FUELTYPE": "B", "CO2JG": 11.2, "COJG": 0.05, "HCJG": 40, "NOJG": 1820, "BTGD": 12,
          "LGMHD": 0.5, "SPEED": 12.5, "ASPEED": 0.4, "VSP": 6.1, "SLOPE": 0.5, "WSPEED": 1.8, "TEMP": 12, "HUM": 45, "PRESS": 100.8 }
        """;

    private static (Domain.RemoteSensing.RemoteSensingReading? Reading, IReadOnlyList<FieldError> Errors) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return NationalRecordParser.Parse(document.RootElement, Beijing, Now);
    }

    [Fact]
    public void The_device_software_layout_reads_as_the_same_reading_as_the_national_one()
    {
        var national = Parse(National).Reading;
        var device = Parse(DeviceSoftware).Reading;

        Assert.NotNull(national);
        Assert.Equal(national, device);
        Assert.Equal(PlateColour.Yellow, device!.Colour); // from the plate type 01, as no colour was sent
        Assert.Equal(FuelType.Diesel, device.Fuel);
        Assert.Equal(1820, device.NoPpm);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 12, 31, Beijing), device.MeasuredAt);
    }

    [Fact]
    public void Errors_name_the_senders_own_fields()
    {
        var (reading, errors) = Parse(DeviceSoftware.Replace("\"COJG\": 0.05", "\"COJG\": 250").Replace("\"LICENSETYPE\": \"01\"", "\"LICENSETYPE\": \"7X\""));

        Assert.Null(reading);
        Assert.Equal(["COJG", "LICENSETYPE"], errors.Select(e => e.Field).Order());
        Assert.Contains("COJG 250 % is outside the physical range", errors.Single(e => e.Field == "COJG").Message);
    }

    [Theory]
    [InlineData("52", null, PlateColour.Green)]
    [InlineData("51", null, PlateColour.YellowGreen)]
    [InlineData("02", null, PlateColour.Blue)]
    [InlineData("02", "1", PlateColour.Yellow)] // a colour sent wins over the type's usual one
    public void A_plate_type_without_a_colour_gives_the_colour_plates_of_that_type_have(string type, string? colour, PlateColour expected)
    {
        var json = National.Replace("\"hpzl\": \"01\"", $"\"hpzl\": \"{type}\"" + (colour is null ? "" : $", \"cpys\": \"{colour}\""));

        Assert.Equal(expected, Parse(json).Reading!.Colour);
    }

    [Fact]
    public void A_record_with_both_record_number_fields_is_read_in_the_national_layout()
    {
        var (reading, _) = Parse(National.Replace("\"jlbh\": \"R-77\"", "\"jlbh\": \"R-77\", \"TESTNO\": \"other\""));

        Assert.Equal("R-77", reading!.RecordNo);
    }
}

using System.Text;
using MobileSource.Cameras.Anpr;

namespace MobileSource.Cameras.Tests.Anpr;

public sealed class HikvisionAlertParserTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Reads_the_plate_confidence_colour_device_and_time_of_an_ANPR_alarm()
    {
        var (read, errors) = HikvisionAlertParser.Parse(Payloads.Part("hikvision-anpr.xml", "application/xml"), Beijing);
        Assert.Empty(errors);
        Assert.NotNull(read);
        Assert.Equal("豫F3C720", read.Plate);
        Assert.Equal(0.97, read.Confidence!.Value, 6);
        Assert.Equal("Yellow", read.PlateColour);
        Assert.Equal("10.106.21.31", read.DeviceAddress);
        Assert.Equal("1", read.Channel);
        Assert.Equal("truck", read.VehicleType);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 40, 3, TimeSpan.Zero), read.EventAt);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void An_unread_plate_is_stored_as_unread_without_complaint()
    {
        var (read, errors) = HikvisionAlertParser.Parse(Payloads.Part("hikvision-no-plate.xml"), Beijing);
        Assert.Empty(errors);
        Assert.Null(read!.Plate);
        Assert.Null(read.Confidence);
        Assert.Null(read.PlateColour);
        Assert.Equal("无车牌", read.RawPlate);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("<dateTime>2026-11-28T09:40:03+08:00</dateTime>", "<dateTime>2026-11-28T09:40:03</dateTime>", null)]
    [InlineData("<licensePlate>豫F3C720</licensePlate>", "<licensePlate>黄豫F3C720</licensePlate>", null)]
    [InlineData("<licensePlate>豫F3C720</licensePlate>", "<licensePlate>豫F3C7</licensePlate>", "ANPR/licensePlate")]
    [InlineData("<plateColor>yellow</plateColor>", "<plateColor>purple</plateColor>", "ANPR/plateColor")]
    public void Odd_but_usable_fields_are_read_or_warned_about(string from, string to, string? warnedField)
    {
        var (read, errors) = HikvisionAlertParser.Parse(Edited(from, to), Beijing);
        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 40, 3, TimeSpan.Zero), read!.EventAt);
        if (warnedField is null)
        {
            Assert.Empty(read.Warnings);
            Assert.Equal("豫F3C720", read.Plate);
        }
        else
        {
            Assert.Contains(read.Warnings, w => w.Field == $"anpr.xml: EventNotificationAlert/{warnedField}");
        }
    }

    [Theory]
    [InlineData("<eventType>ANPR</eventType>", "<eventType>VMD</eventType>", "eventType")]
    [InlineData("<dateTime>2026-11-28T09:40:03+08:00</dateTime>", "<dateTime>yesterday</dateTime>", "dateTime")]
    [InlineData("<confidenceLevel>97</confidenceLevel>", "<confidenceLevel>197</confidenceLevel>", "ANPR/confidenceLevel")]
    [InlineData("<licensePlate>豫F3C720</licensePlate>", "", "ANPR/licensePlate")]
    public void Broken_fields_are_errors_naming_the_part_and_element(string from, string to, string field)
    {
        var (read, errors) = HikvisionAlertParser.Parse(Edited(from, to), Beijing);
        Assert.Null(read);
        Assert.Contains(errors, e => e.Field == $"anpr.xml: EventNotificationAlert/{field}");
    }

    [Fact]
    public void Malformed_XML_names_the_part_and_the_position()
    {
        var (read, errors) = HikvisionAlertParser.Parse(new AnprPart("anpr.xml", "anpr.xml", "application/xml", "<EventNotificationAlert><ANPR>"u8.ToArray()), Beijing);
        Assert.Null(read);
        var error = Assert.Single(errors);
        Assert.Equal("anpr.xml", error.Field);
        Assert.Contains("line 1", error.Message);
    }

    private static AnprPart Edited(string from, string to)
    {
        var xml = Encoding.UTF8.GetString(Payloads.Read("hikvision-anpr.xml"));
        Assert.Contains(from, xml);
        return new AnprPart("anpr.xml", "anpr.xml", "application/xml", Encoding.UTF8.GetBytes(xml.Replace(from, to)));
    }
}

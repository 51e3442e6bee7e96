using MobileSource.Cameras.Anpr;
using MobileSource.Domain.Plates;

namespace MobileSource.Cameras.Tests.Anpr;

public sealed class AnprPlateTextTests
{
    [Theory]
    [InlineData("豫F12345", "豫F12345", null)]
    [InlineData("豫F·12345", "豫F12345", null)]
    [InlineData("蓝豫FA8888", "豫FA8888", PlateColour.Blue)]
    [InlineData("无车牌", null, null)]
    [InlineData("unknown", null, null)]
    [InlineData("", null, null)]
    public void Reads_plates_as_cameras_send_them(string raw, string? plate, PlateColour? colour)
    {
        var (read, prefix, warning) = AnprPlateText.Read(raw);
        Assert.Equal(plate, read);
        Assert.Equal(colour, prefix);
        Assert.Null(warning);
    }

    [Fact]
    public void A_misread_plate_is_a_warning_not_a_plate()
    {
        var (read, _, warning) = AnprPlateText.Read("豫F1234");
        Assert.Null(read);
        Assert.Contains("豫F1234", warning);
    }

    [Theory]
    [InlineData("yellow", PlateColour.Yellow)]
    [InlineData("Blue", PlateColour.Blue)]
    [InlineData("YellowGreen", PlateColour.YellowGreen)]
    [InlineData("newEnergyGreen", PlateColour.Green)]
    [InlineData("黄色", PlateColour.Yellow)]
    [InlineData("Unknown", null)]
    public void Reads_colour_words(string raw, PlateColour? colour)
    {
        Assert.True(AnprPlateText.TryColour(raw, out var read));
        Assert.Equal(colour, read);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("purple")]
    public void Numeric_or_unknown_colour_codes_are_not_guessed(string raw) => Assert.False(AnprPlateText.TryColour(raw, out _));

    [Theory]
    [InlineData("97", 0.97)]
    [InlineData("0", 0.0)]
    [InlineData("100", 1.0)]
    public void Confidence_0_to_100_becomes_0_to_1(string raw, double expected)
    {
        Assert.True(AnprPlateText.TryConfidence(raw, out var confidence));
        Assert.Equal(expected, confidence!.Value, 6);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("high")]
    [InlineData("NaN")]
    public void Confidence_outside_0_to_100_is_refused(string raw) => Assert.False(AnprPlateText.TryConfidence(raw, out _));
}

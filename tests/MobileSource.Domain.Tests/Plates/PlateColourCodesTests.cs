using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Plates;

public class PlateColourCodesTests
{
    [Theory]
    [InlineData("blue", PlateColour.Blue)]
    [InlineData("Yellow", PlateColour.Yellow)]
    [InlineData("WHITE", PlateColour.White)]
    [InlineData("black", PlateColour.Black)]
    [InlineData("green", PlateColour.Green)]
    [InlineData("YellowGreen", PlateColour.YellowGreen)]
    [InlineData("yellow-green", PlateColour.YellowGreen)]
    [InlineData("other", PlateColour.Other)]
    [InlineData("蓝", PlateColour.Blue)]
    [InlineData("蓝色", PlateColour.Blue)]
    [InlineData("蓝牌", PlateColour.Blue)]
    [InlineData("黄", PlateColour.Yellow)]
    [InlineData("黄色", PlateColour.Yellow)]
    [InlineData(" 黄色 ", PlateColour.Yellow)]
    [InlineData("白", PlateColour.White)]
    [InlineData("白色", PlateColour.White)]
    [InlineData("黑", PlateColour.Black)]
    [InlineData("黑色", PlateColour.Black)]
    [InlineData("绿", PlateColour.Green)]
    [InlineData("绿色", PlateColour.Green)]
    [InlineData("渐变绿", PlateColour.Green)]
    [InlineData("黄绿", PlateColour.YellowGreen)]
    [InlineData("黄绿色", PlateColour.YellowGreen)]
    [InlineData("其他", PlateColour.Other)]
    // Police checkpoint codes: numbers are never read as our own enum values.
    [InlineData("0", PlateColour.White)]
    [InlineData("1", PlateColour.Yellow)]
    [InlineData("2", PlateColour.Blue)]
    [InlineData("3", PlateColour.Black)]
    [InlineData("4", PlateColour.Green)]
    [InlineData("5", PlateColour.YellowGreen)]
    [InlineData("9", PlateColour.Other)]
    [InlineData("０２", PlateColour.Blue)]
    public void Parses(string raw, PlateColour expected)
    {
        Assert.True(PlateColourCodes.TryParse(raw, out var colour));
        Assert.Equal(expected, colour);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("purple")]
    [InlineData("红")]
    [InlineData("Blue,Yellow")]
    public void Rejects(string? raw)
    {
        Assert.False(PlateColourCodes.TryParse(raw, out _));
    }

    [Theory]
    [InlineData(PlateColour.Blue, "蓝色")]
    [InlineData(PlateColour.Yellow, "黄色")]
    [InlineData(PlateColour.White, "白色")]
    [InlineData(PlateColour.Black, "黑色")]
    [InlineData(PlateColour.Green, "绿色")]
    [InlineData(PlateColour.YellowGreen, "黄绿色")]
    [InlineData(PlateColour.Other, "其他")]
    public void Chinese_names_round_trip(PlateColour colour, string chinese)
    {
        Assert.Equal(chinese, PlateColourCodes.ToChinese(colour));
        Assert.True(PlateColourCodes.TryParse(chinese, out var back));
        Assert.Equal(colour, back);
    }
}

using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Plates;

public class PlateTypeCodesTests
{
    [Theory]
    [InlineData("01", PlateType.Large)]
    [InlineData("1", PlateType.Large)]
    [InlineData("02", PlateType.Small)]
    [InlineData("2", PlateType.Small)]
    [InlineData("13", PlateType.LowSpeed)]
    [InlineData("15", PlateType.Trailer)]
    [InlineData("16", PlateType.DrivingSchool)]
    [InlineData("23", PlateType.Police)]
    [InlineData("51", PlateType.LargeNewEnergy)]
    [InlineData("52", PlateType.SmallNewEnergy)]
    [InlineData("99", PlateType.Other)]
    [InlineData(" ０１ ", PlateType.Large)]
    [InlineData("Large", PlateType.Large)]
    [InlineData("small", PlateType.Small)]
    [InlineData("LARGENEWENERGY", PlateType.LargeNewEnergy)]
    [InlineData("大型汽车", PlateType.Large)]
    [InlineData("小型汽车号牌", PlateType.Small)]
    [InlineData("挂车", PlateType.Trailer)]
    [InlineData("小型新能源汽车", PlateType.SmallNewEnergy)]
    public void Parses(string raw, PlateType expected)
    {
        Assert.True(PlateTypeCodes.TryParse(raw, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("50")]
    [InlineData("1,2")]
    [InlineData("truck")]
    public void Rejects(string? raw)
    {
        Assert.False(PlateTypeCodes.TryParse(raw, out _));
    }

    [Theory]
    [InlineData(PlateType.Large, "01")]
    [InlineData(PlateType.Small, "02")]
    [InlineData(PlateType.LowSpeed, "13")]
    [InlineData(PlateType.Trailer, "15")]
    [InlineData(PlateType.DrivingSchool, "16")]
    [InlineData(PlateType.Police, "23")]
    [InlineData(PlateType.LargeNewEnergy, "51")]
    [InlineData(PlateType.SmallNewEnergy, "52")]
    [InlineData(PlateType.Other, "99")]
    public void Codes_round_trip(PlateType type, string code)
    {
        Assert.Equal(code, PlateTypeCodes.ToCode(type));
        Assert.True(PlateTypeCodes.TryParse(code, out var back));
        Assert.Equal(type, back);
    }
}

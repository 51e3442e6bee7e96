using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.Vehicles;

public class EmissionStageTests
{
    [Theory]
    [InlineData(1, null, "国I", "I", "1")]
    [InlineData(2, null, "国II", "II", "2")]
    [InlineData(3, null, "国III", "III", "3")]
    [InlineData(4, null, "国IV", "IV", "4")]
    [InlineData(5, null, "国V", "V", "5")]
    [InlineData(6, null, "国VI", "VI", "6")]
    [InlineData(6, 'a', "国VI a", "VI", "6a")]
    [InlineData(6, 'b', "国VI b", "VI", "6b")]
    [InlineData(6, 'B', "国VI b", "VI", "6b")]
    public void Formats(int level, char? sub, string text, string roman, string code)
    {
        var stage = new EmissionStage(level, sub);
        Assert.Equal(text, stage.ToString());
        Assert.Equal(roman, stage.ToRoman());
        Assert.Equal(code, stage.ToCode());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(7, null)]
    [InlineData(5, 'b')]
    [InlineData(6, 'c')]
    public void Rejects_impossible_stages(int level, char? sub)
    {
        Assert.ThrowsAny<ArgumentException>(() => new EmissionStage(level, sub));
    }

    [Fact]
    public void Code_round_trips_through_the_parser()
    {
        foreach (var stage in new[] { new EmissionStage(3), new EmissionStage(6), new EmissionStage(6, 'b') })
        {
            Assert.True(EmissionStageParser.TryParse(stage.ToCode(), out var back));
            Assert.Equal(stage, back);
            Assert.True(EmissionStageParser.TryParse(stage.ToString(), out back));
            Assert.Equal(stage, back);
        }
    }
}

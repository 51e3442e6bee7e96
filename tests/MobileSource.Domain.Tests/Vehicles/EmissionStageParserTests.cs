using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.Vehicles;

public class EmissionStageParserTests
{
    [Theory]
    [InlineData("国III", 3, null)]
    [InlineData("国3", 3, null)]
    [InlineData("国Ⅲ", 3, null)]
    [InlineData("国三", 3, null)]
    [InlineData("III", 3, null)]
    [InlineData("3", 3, null)]
    [InlineData("China III", 3, null)]
    [InlineData("china 3", 3, null)]
    [InlineData("CN3", 3, null)]
    [InlineData("cn-3", 3, null)]
    [InlineData("国 I", 1, null)]
    [InlineData("国II", 2, null)]
    [InlineData("国二", 2, null)]
    [InlineData("国IV", 4, null)]
    [InlineData("国Ⅳ", 4, null)]
    [InlineData("国四", 4, null)]
    [InlineData("IV", 4, null)]
    [InlineData("国V", 5, null)]
    [InlineData("国V排放", 5, null)]
    [InlineData("国五", 5, null)]
    [InlineData("国5阶段", 5, null)]
    [InlineData("V", 5, null)]
    [InlineData("国VI", 6, null)]
    [InlineData("国六", 6, null)]
    [InlineData("国六b", 6, 'b')]
    [InlineData("国六B", 6, 'b')]
    [InlineData("国VI(b)", 6, 'b')]
    [InlineData("国VI（ｂ）", 6, 'b')]
    [InlineData("国VI-a", 6, 'a')]
    [InlineData("国6a", 6, 'a')]
    [InlineData("国Ⅵb", 6, 'b')]
    [InlineData("国vi b", 6, 'b')]
    [InlineData("China VI b", 6, 'b')]
    [InlineData("CN6b", 6, 'b')]
    [InlineData("6b", 6, 'b')]
    [InlineData("VIa", 6, 'a')]
    [InlineData("GB17691-2005国III", 3, null)]
    [InlineData("GB17691-2005国Ⅳ", 4, null)]
    [InlineData("GB3847-2005,国V", 5, null)]
    [InlineData("中国第IV阶段", 4, null)]
    [InlineData("中国IV", 4, null)]
    [InlineData("国Ⅴ排放", 5, null)]
    [InlineData("  国 Ⅲ  ", 3, null)]
    [InlineData("国３", 3, null)]
    [InlineData("ＩＩＩ", 3, null)]
    [InlineData("Ⅵ", 6, null)]
    public void Parses(string raw, int level, char? sub)
    {
        Assert.True(EmissionStageParser.TryParse(raw, out var stage), raw);
        Assert.Equal(new EmissionStage(level, sub), stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("国")]
    [InlineData("国七")]
    [InlineData("国VII")]
    [InlineData("国0")]
    [InlineData("7")]
    [InlineData("36")]
    [InlineData("国IIII")]
    [InlineData("国Vb")]
    [InlineData("国3a")]
    [InlineData("Euro 5")]
    [InlineData("国IX")]
    [InlineData("国VIII")]
    [InlineData("GB17691-2005")]
    [InlineData("未知")]
    public void Rejects(string? raw)
    {
        Assert.False(EmissionStageParser.TryParse(raw, out _));
    }
}

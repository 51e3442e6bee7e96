using MobileSource.Domain.Vehicles;

namespace MobileSource.Domain.Tests.Vehicles;

public class FuelTypeCodesTests
{
    [Theory]
    [InlineData("A", FuelType.Gasoline)]
    [InlineData("a", FuelType.Gasoline)]
    [InlineData("B", FuelType.Diesel)]
    [InlineData("b", FuelType.Diesel)]
    [InlineData("C", FuelType.Electric)]
    [InlineData("D", FuelType.Mixed)]
    [InlineData("E", FuelType.NaturalGas)]
    [InlineData("F", FuelType.Lpg)]
    [InlineData("L", FuelType.Methanol)]
    [InlineData("M", FuelType.Ethanol)]
    [InlineData("N", FuelType.Solar)]
    [InlineData("O", FuelType.Hybrid)]
    [InlineData("Z", FuelType.Other)]
    [InlineData("Ｂ", FuelType.Diesel)]
    [InlineData(" B ", FuelType.Diesel)]
    [InlineData("Gasoline", FuelType.Gasoline)]
    [InlineData("diesel", FuelType.Diesel)]
    [InlineData("Electric", FuelType.Electric)]
    [InlineData("NaturalGas", FuelType.NaturalGas)]
    [InlineData("LPG", FuelType.Lpg)]
    [InlineData("Hybrid", FuelType.Hybrid)]
    [InlineData("汽油", FuelType.Gasoline)]
    [InlineData("柴油", FuelType.Diesel)]
    [InlineData("电", FuelType.Electric)]
    [InlineData("纯电动", FuelType.Electric)]
    [InlineData("混合油", FuelType.Mixed)]
    [InlineData("天然气", FuelType.NaturalGas)]
    [InlineData("液化石油气", FuelType.Lpg)]
    [InlineData("甲醇", FuelType.Methanol)]
    [InlineData("乙醇", FuelType.Ethanol)]
    [InlineData("太阳能", FuelType.Solar)]
    [InlineData("混合动力", FuelType.Hybrid)]
    [InlineData("其他", FuelType.Other)]
    // Several fuels: the first is the primary one.
    [InlineData("AB", FuelType.Gasoline)]
    [InlineData("BA", FuelType.Diesel)]
    [InlineData("AE", FuelType.Gasoline)]
    [InlineData("A,E", FuelType.Gasoline)]
    [InlineData("E/A", FuelType.NaturalGas)]
    [InlineData("汽油/天然气", FuelType.Gasoline)]
    [InlineData("柴油、天然气", FuelType.Diesel)]
    public void Parses(string raw, FuelType expected)
    {
        Assert.True(FuelTypeCodes.TryParse(raw, out var fuel));
        Assert.Equal(expected, fuel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(",")]
    [InlineData("G")]
    [InlineData("AG")]
    [InlineData("A,X")]
    [InlineData("1")]
    [InlineData("氢")]
    [InlineData("kerosene")]
    public void Rejects(string? raw)
    {
        Assert.False(FuelTypeCodes.TryParse(raw, out _));
    }

    [Fact]
    public void Every_fuel_round_trips_through_its_code()
    {
        foreach (var fuel in Enum.GetValues<FuelType>())
        {
            var code = FuelTypeCodes.ToCode(fuel);
            Assert.True(FuelTypeCodes.TryParse(code.ToString(), out var back));
            Assert.Equal(fuel, back);
        }
        Assert.Equal('B', FuelTypeCodes.ToCode(FuelType.Diesel));
    }
}

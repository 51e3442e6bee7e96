using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Plates;

public class PlateNumberTests
{
    [Theory]
    [InlineData("豫F12345", "豫F12345")]
    [InlineData("豫F·12345", "豫F12345")]
    [InlineData("豫F•12345", "豫F12345")]
    [InlineData("豫F・12345", "豫F12345")]
    [InlineData("豫F．12345", "豫F12345")]
    [InlineData("豫F.12345", "豫F12345")]
    [InlineData("豫F-12345", "豫F12345")]
    [InlineData("豫F_12345", "豫F12345")]
    [InlineData("豫ｆ１２３４５", "豫F12345")]
    [InlineData("豫ＦＡＢ１２３", "豫FAB123")]
    [InlineData(" 豫 f 12345 ", "豫F12345")]
    [InlineData("豫\u3000F\t12345\n", "豫F12345")]
    [InlineData("豫fd12345", "豫FD12345")]
    public void Normalize_folds_width_separators_whitespace_and_case(string raw, string expected)
    {
        Assert.Equal(expected, PlateNumber.Normalize(raw));
    }

    [Theory]
    [InlineData("豫F12345", false)]
    [InlineData("豫FA1B2C", false)]
    [InlineData("豫FZZZZZ", false)]
    [InlineData("豫F1234挂", false)]
    [InlineData("豫F1234学", false)]
    [InlineData("豫F1234警", false)]
    [InlineData("粤Z1234港", false)]
    [InlineData("粤Z1234澳", false)]
    [InlineData("京A00001", false)]
    [InlineData("使A12345", false)]
    [InlineData("领A12345", false)]
    [InlineData("豫FD12345", true)]
    [InlineData("豫FF12345", true)]
    [InlineData("豫FDA1234", true)]
    [InlineData("豫F12345D", true)]
    [InlineData("豫F12345F", true)]
    [InlineData("豫F·12345", false)]
    [InlineData("豫ｆ１２３４５", false)]
    [InlineData(" 豫 f 12345 ", false)]
    public void Valid_plates_parse(string raw, bool newEnergy)
    {
        Assert.True(PlateNumber.TryParse(raw, out var plate, out var error), error);
        Assert.Null(error);
        Assert.Equal(newEnergy, plate.IsNewEnergy);
        Assert.Equal(PlateNumber.Normalize(raw), plate.Value);
    }

    [Theory]
    [InlineData(null, "plate is missing")]
    [InlineData("", "plate is empty")]
    [InlineData("  ·  ", "plate is empty")]
    [InlineData("豫F123", "plate must be 7 or 8 characters after normalisation, got 5")]
    [InlineData("豫F1234", "plate must be 7 or 8 characters after normalisation, got 6")]
    [InlineData("豫F1234567", "plate must be 7 or 8 characters after normalisation, got 9")]
    [InlineData("X F12345", "'X' is not a province abbreviation")]
    [InlineData("中F12345", "'中' is not a province abbreviation")]
    [InlineData("F12345豫", "'F' is not a province abbreviation")]
    [InlineData("豫112345", "'1' at position 2 must be an issuing authority letter A-Z")]
    [InlineData("豫豫12345", "'豫' at position 2 must be an issuing authority letter A-Z")]
    [InlineData("豫F1I345", "'I' at position 4 is not allowed: serial characters are digits or letters A-Z except I and O")]
    [InlineData("豫FO2345", "'O' at position 3 is not allowed: serial characters are digits or letters A-Z except I and O")]
    [InlineData("豫F1234O", "'O' at position 7 is not allowed: the last character must be a digit, a letter except I and O, or one of 挂学警港澳")]
    [InlineData("豫F1234I", "'I' at position 7 is not allowed: the last character must be a digit, a letter except I and O, or one of 挂学警港澳")]
    [InlineData("豫F123挂4", "'挂' at position 6 is not allowed: serial characters are digits or letters A-Z except I and O")]
    [InlineData("豫F1234中", "'中' at position 7 is not allowed: the last character must be a digit, a letter except I and O, or one of 挂学警港澳")]
    public void Invalid_plates_say_what_is_wrong(string? raw, string expectedError)
    {
        Assert.False(PlateNumber.TryParse(raw, out var plate, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(default, plate);
    }

    [Theory]
    [InlineData("豫F12345挂")] // a trailer plate has 4 serial characters before 挂: 豫F1234挂
    [InlineData("豫F123456")]
    [InlineData("豫FA12345")]
    [InlineData("豫F1234DD")]
    [InlineData("豫FDI1234")]
    [InlineData("豫FDO1234")]
    [InlineData("豫FD1234A")]
    [InlineData("豫F1234AD")]
    public void Eight_characters_must_follow_the_new_energy_format(string raw)
    {
        Assert.False(PlateNumber.TryParse(raw, out _, out var error));
        Assert.StartsWith("8-character (new-energy) plate serial", error);
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_error()
    {
        var ex = Assert.Throws<FormatException>(() => PlateNumber.Parse("豫F123"));
        Assert.Equal("plate must be 7 or 8 characters after normalisation, got 5", ex.Message);
    }

    [Fact]
    public void Parts_and_display()
    {
        var plate = PlateNumber.Parse("豫f·12345");
        Assert.Equal("豫F12345", plate.Value);
        Assert.Equal("豫", plate.Province);
        Assert.Equal('F', plate.Authority);
        Assert.Equal("12345", plate.Serial);
        Assert.False(plate.IsNewEnergy);
        Assert.Equal("豫F·12345", plate.ToDisplay());
        Assert.Equal("豫F12345", plate.ToString());
    }

    [Fact]
    public void Plates_equal_by_normalised_value()
    {
        Assert.Equal(PlateNumber.Parse("豫F·12345"), PlateNumber.Parse("豫ｆ１２３４５"));
        Assert.NotEqual(PlateNumber.Parse("豫F12345"), PlateNumber.Parse("豫F12346"));
    }

    [Fact]
    public void Default_plate_is_empty_not_broken()
    {
        var plate = default(PlateNumber);
        Assert.Equal("", plate.Value);
        Assert.Equal("", plate.Province);
        Assert.Equal("", plate.Serial);
        Assert.Equal("", plate.ToDisplay());
    }

    [Fact]
    public void Identity_is_number_and_colour()
    {
        var identity = new PlateIdentity(PlateNumber.Parse("豫F12345"), PlateColour.Yellow);
        Assert.Equal("豫F12345/Yellow", identity.ToString());
        Assert.NotEqual(identity, identity with { Colour = PlateColour.Blue });
    }
}

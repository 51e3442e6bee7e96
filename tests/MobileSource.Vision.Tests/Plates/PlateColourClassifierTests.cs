using MobileSource.Domain.Plates;
using MobileSource.Vision.Plates;

namespace MobileSource.Vision.Tests.Plates;

public sealed class PlateColourClassifierTests
{
    [Theory]
    [InlineData("豫F12345", PlateColour.Blue)]
    [InlineData("豫F12345", PlateColour.Yellow)]
    [InlineData("豫FD12345", PlateColour.Green)]
    [InlineData("豫F12345D", PlateColour.YellowGreen)]
    [InlineData("豫F1234警", PlateColour.White)]
    [InlineData("豫F12345", PlateColour.Black)]
    public void Classifies_the_rendered_plate_colour(string plate, PlateColour colour)
    {
        using var image = PlateImages.Plate(plate, colour, 40);

        Assert.Equal(colour, PlateColourClassifier.Classify(image));
    }

    [Fact]
    public void A_dusk_blue_plate_is_still_blue()
    {
        using var image = PlateImages.Plate("豫F12345", PlateColour.Blue, 40);
        using var dusk = PlateImages.Dusk(image);

        Assert.Equal(PlateColour.Blue, PlateColourClassifier.Classify(dusk));
    }
}

using MobileSource.Domain.Plates;
using MobileSource.HardwareSim.Rendering;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Simulator;

public sealed class PlateRendererTests
{
    [Theory]
    [InlineData("豫F12345", PlateColour.Yellow, 440)]
    [InlineData("豫FD12345", PlateColour.Green, 480)]
    public void Png_decodes_with_OpenCV_at_the_plate_aspect(string plate, PlateColour colour, int widthMm)
    {
        using var image = Cv2.ImDecode(PlateRenderer.RenderPng(PlateNumber.Parse(plate), colour, 140), ImreadModes.Color);
        Assert.Equal(140, image.Height);
        Assert.InRange(image.Width, widthMm - 1, widthMm + 1);
    }

    [Fact]
    public void Blue_plate_is_blue_with_white_characters()
    {
        using var image = Cv2.ImDecode(PlateRenderer.RenderPng(PlateNumber.Parse("豫F8A7B9"), PlateColour.Blue, 140), ImreadModes.Color);
        // Just inside the border, left of the first character: background.
        var background = image.At<Vec3b>(70, 10);
        Assert.True(background.Item0 > 140 && background.Item2 < 60, $"background BGR {background}");
        // Bright (character) pixels exist in the middle band.
        using var band = new Mat(image, new Rect(20, 30, image.Width - 40, 80));
        using var grey = band.CvtColor(ColorConversionCodes.BGR2GRAY);
        Assert.True(Cv2.CountNonZero(grey.Threshold(200, 255, ThresholdTypes.Binary)) > 1500);
    }
}

using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The plate colour from a rectified plate crop, by the share of background-coloured pixels in HSV.
/// Characters are a minority of the plate, so the dominant saturated hue is the background; a plate half
/// yellow and half green is yellow-green (large new-energy vehicles); unsaturated plates are white or black.
/// </summary>
public static class PlateColourClassifier
{
    private const double DominantShare = 0.22;
    private const double SplitShare = 0.15;

    public static PlateColour Classify(Mat plateCrop)
    {
        ArgumentNullException.ThrowIfNull(plateCrop);
        if (plateCrop.Empty())
        {
            return PlateColour.Other;
        }
        // The centre 80 % only: the margin holds the vehicle body.
        var inner = new Rect(plateCrop.Width / 10, plateCrop.Height / 10, Math.Max(1, plateCrop.Width * 8 / 10), Math.Max(1, plateCrop.Height * 8 / 10));
        using var hsv = new Mat();
        Cv2.CvtColor(plateCrop[inner], hsv, ColorConversionCodes.BGR2HSV);
        var pixels = MatBytes.Of(hsv);
        int blue = 0, yellow = 0, green = 0, white = 0, black = 0;
        var total = pixels.Length / 3;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            int h = pixels[i], s = pixels[i + 1], v = pixels[i + 2];
            if (s >= 70 && v >= 35)
            {
                if (h is >= 98 and <= 130)
                {
                    blue++;
                }
                else if (h is >= 12 and < 36)
                {
                    yellow++;
                }
                else if (h is >= 36 and <= 90)
                {
                    green++;
                }
            }
            else if (s < 50 && v >= 150)
            {
                white++;
            }
            else if (v < 60)
            {
                black++;
            }
        }
        double Share(int n) => (double)n / total;
        if (Share(yellow) >= SplitShare && Share(green) >= SplitShare)
        {
            return PlateColour.YellowGreen;
        }
        var (colour, count) = new[] { (PlateColour.Blue, blue), (PlateColour.Yellow, yellow), (PlateColour.Green, green) }.MaxBy(c => c.Item2);
        if (Share(count) >= DominantShare)
        {
            return colour;
        }
        if (Share(white) >= DominantShare && white >= black)
        {
            return PlateColour.White;
        }
        return Share(black) >= DominantShare ? PlateColour.Black : PlateColour.Other;
    }
}

using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The province character of a rectified plate crop as the province glyph classifier sees it: a window ending a little
/// right of the centre of the character's CTC steps (PP-OCRv4 emits a character near its right edge) and reaching
/// about two character widths left of it, the full height tall, grey, stretched to 0-255 with the ink dark
/// (white-on-blue and black-on-yellow plates look alike: the plate colour says which way round, as a bold glyph can
/// cover more of the window than the plate does), resized to <see cref="Side"/> x <see cref="Side"/> bytes.
/// At 720p the window is about 12 x 20 pixels: the classifier works from the glyph's overall shape.
/// </summary>
public static class ProvinceGlyph
{
    public const int Side = 32;
    public const int Length = Side * Side;

    /// <summary>Width of the window as a share of the crop height: a plate character is about 0.26 crop heights wide.</summary>
    public const double WindowWidth = 0.6;

    /// <summary>
    /// How far right of the steps' centre the window ends, in crop heights: little enough that the city letter next to
    /// the province stays out (the classifier must judge the province glyph, not learn that 豫 usually comes with F).
    /// </summary>
    public const double WindowRightOfCentre = 0.15;

    /// <param name="crop">The BGR crop the recogniser read.</param>
    /// <param name="run">The first character's CTC steps.</param>
    /// <param name="pixelsPerStep">Crop pixels per CTC step.</param>
    /// <param name="colour">The plate's colour (<see cref="PlateColourClassifier"/>): blue and black plates have light ink.</param>
    public static byte[] Cut(Mat crop, (int From, int To) run, double pixelsPerStep, PlateColour colour)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Empty() || crop.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"the crop must be a non-empty BGR CV_8UC3 image, got {crop.Type()} {crop.Width}x{crop.Height}", nameof(crop));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerStep);
        var centre = (run.From + run.To + 1) / 2.0 * pixelsPerStep;
        var width = WindowWidth * crop.Height;
        var left = centre + WindowRightOfCentre * crop.Height - width;
        using var grey = new Mat();
        Cv2.CvtColor(crop, grey, ColorConversionCodes.BGR2GRAY);
        // Window -> Side x Side; outside the crop the edge repeats.
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, Side / width);
        transform.Set(0, 1, 0.0);
        transform.Set(0, 2, -left * Side / width);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, Side / (double)crop.Height);
        transform.Set(1, 2, 0.0);
        using var glyph = new Mat();
        Cv2.WarpAffine(grey, glyph, transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
        var bytes = MatBytes.Of(glyph);
        Stretch(bytes, invert: colour is PlateColour.Blue or PlateColour.Black);
        return bytes;
    }

    /// <summary>Darkest to 0 and brightest to 255, or the other way round.</summary>
    private static void Stretch(byte[] pixels, bool invert)
    {
        int low = 255, high = 0;
        foreach (var p in pixels)
        {
            low = Math.Min(low, p);
            high = Math.Max(high, p);
        }
        var range = Math.Max(1, high - low);
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = (pixels[i] - low) * 255 / range;
            pixels[i] = (byte)(invert ? 255 - v : v);
        }
    }
}

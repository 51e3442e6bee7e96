using MobileSource.Domain.Plates;
using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

public sealed class ProvinceGlyphTests
{
    // The recogniser's view of a crop 48 px tall: 8 input pixels per CTC step.
    private static double PixelsPerStep(Mat crop) => 8.0 * crop.Height / PpOcrRecognizer.InputHeight;

    // The province of a rendered plate 48 px tall lies at x 5-21; PP-OCRv4 emits a character near its right edge.
    private static byte[] Glyph(string plate, PlateColour colour)
    {
        using var crop = PlateImages.Plate(plate, colour, 48);
        return ProvinceGlyph.Cut(crop, (1, 2), PixelsPerStep(crop), colour);
    }

    [Fact]
    public void Blue_and_yellow_plates_give_the_same_dark_glyph_on_a_light_plate()
    {
        var blue = Glyph("豫F12345", PlateColour.Blue);
        var yellow = Glyph("豫F12345", PlateColour.Yellow);

        Assert.Equal(ProvinceGlyph.Length, blue.Length);
        // Ink dark on both: the two glyphs agree, where a glyph and its negative would be opposites.
        Assert.True(Correlation(blue, yellow) > 0.6, $"correlation {Correlation(blue, yellow):0.00}");
        Assert.Contains(blue, b => b == 0);
        Assert.Contains(blue, b => b == 255);
    }

    [Fact]
    public void Different_provinces_give_different_glyphs()
    {
        var henan = Glyph("豫F12345", PlateColour.Blue);
        var hubei = Glyph("鄂F12345", PlateColour.Blue);

        Assert.True(Correlation(henan, hubei) < Correlation(henan, Glyph("豫A54321", PlateColour.Blue)),
            "豫 must look more like 豫 on another plate than like 鄂");
    }

    [Fact]
    public void A_window_past_the_crop_edge_repeats_the_edge()
    {
        using var crop = PlateImages.Plate("豫F12345", PlateColour.Blue, 20);

        // Step 0 of a 20 px crop: the window starts about 8 px left of the crop.
        var glyph = ProvinceGlyph.Cut(crop, (0, 0), PixelsPerStep(crop), PlateColour.Blue);

        Assert.Equal(ProvinceGlyph.Length, glyph.Length);
        for (var y = 0; y < ProvinceGlyph.Side; y++)
        {
            Assert.Equal(glyph[y * ProvinceGlyph.Side], glyph[y * ProvinceGlyph.Side + 1]);
            Assert.Equal(glyph[y * ProvinceGlyph.Side], glyph[y * ProvinceGlyph.Side + 5]);
        }
    }

    [Fact]
    public void A_crop_that_is_not_bgr_is_refused_with_its_type()
    {
        using var grey = new Mat(20, 60, MatType.CV_8UC1, Scalar.All(128));

        var error = Assert.Throws<ArgumentException>(() => ProvinceGlyph.Cut(grey, (1, 1), 2, PlateColour.Blue));
        Assert.Contains("CV_8UC1", error.Message);
    }

    private static double Correlation(byte[] a, byte[] b)
    {
        double ma = a.Average(x => (double)x), mb = b.Average(x => (double)x);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.Sqrt(aa * bb);
    }
}

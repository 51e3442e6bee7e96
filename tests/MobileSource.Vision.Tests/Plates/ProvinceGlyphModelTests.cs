using MobileSource.Domain.Plates;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

/// <summary>The shipped province glyph classifier (models/province-glyph.onnx) and how the recogniser weighs it.</summary>
[Collection(OcrCollection.Name)]
public sealed class ProvinceGlyphModelTests(OcrFixture ocr)
{
    private static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "models", ProvinceGlyphModel.FileName);

    private PlateRead? Read(PlateReader reader, string plate, PlateColour colour, int height, string condition)
    {
        using var sample = PlateSamples.Make(plate, colour, height, condition, new Scalar(180, 180, 185));
        return reader.Read(sample.Image, new Rect(0, 0, sample.Image.Width, sample.Image.Height));
    }

    // Plates 18 px tall (a 720p road camera's), JPEG-compressed; the network learned from plates cut out of H.264 video.
    private static readonly string[] HomePlates = ["豫F12345", "豫F8B5Z2", "豫A30761", "豫FD12345", "豫H49185", "豫K47X6G", "豫F88270", "豫P283UF"];
    private static readonly string[] OtherPlates = ["鄂F12345", "晋A0Q1D9", "鲁E35427", "京A3GN30", "冀E400R3", "陕D0178X", "皖A23653", "苏B18015"];

    [Fact]
    public void The_shipped_classifier_tells_small_henan_plates_from_other_provinces()
    {
        Assert.Equal('豫', ocr.Glyphs.Province);

        var homeRatios = HomePlates.Select(p => HomeRatio(p)).ToList();
        var otherRatios = OtherPlates.Select(p => HomeRatio(p)).ToList();

        // Measured: 7 of 8 豫 plates above 1 (one at 0.05), every other province below 0.45.
        var message = $"likelihood ratios of 豫: 豫 plates {string.Join(", ", homeRatios)}; others {string.Join(", ", otherRatios)}";
        Assert.True(homeRatios.Count(r => r > 1) >= 6, message);
        Assert.True(otherRatios.Count(r => r < 1) >= 7, message);
    }

    [Fact]
    public void With_the_classifier_more_small_out_of_province_plates_read_right_and_local_ones_stay()
    {
        // Each plate 12, 14 and 16 px tall, blurred, JPEG-compressed or noisy: 72 reads of each set per reader.
        // Measured: other provinces 25 -> 36 exact, 豫 59 -> 56 (three noisy 12 px 豫 plates lost, none at 14-16 px).
        var settings = new[] { 12, 14, 16 }.SelectMany(h => new[] { "blur", "jpeg", "noise" }.Select(c => (Height: h, Condition: c))).ToList();
        int Exact(PlateReader reader, IEnumerable<string> plates) => settings.Sum(s =>
            plates.Count(p => Read(reader, p, p.Length == 8 ? PlateColour.Green : PlateColour.Blue, s.Height, s.Condition)?.Text == p));

        var (withoutOthers, withOthers) = (Exact(ocr.Reader, OtherPlates), Exact(ocr.GlyphReader, OtherPlates));
        var (withoutHome, withHome) = (Exact(ocr.Reader, HomePlates), Exact(ocr.GlyphReader, HomePlates));

        var message = $"exact reads of 72 other-province plates {withoutOthers} -> {withOthers}, of 72 豫 plates {withoutHome} -> {withHome}";
        Assert.True(withOthers >= withoutOthers + 6, message);
        Assert.True(withHome >= withoutHome - 6, message);
    }

    private PlateRead? Read(PlateReader reader, string plate) =>
        Read(reader, plate, plate.Length == 8 ? PlateColour.Green : PlateColour.Blue, 18, "jpeg");

    private float HomeRatio(string plate)
    {
        var province = Read(ocr.GlyphReader, plate)?.Province;
        Assert.True(province?.GlyphHome is not null, $"{plate}: no read with a classified province");
        return ocr.Glyphs.LikelihoodRatios(ocr.Glyphs.Probabilities(province.Glyph))[PlateAlphabet.Provinces.IndexOf('豫')];
    }

    [Fact]
    public void A_missing_file_a_file_that_is_not_onnx_and_a_network_of_another_shape_are_refused_with_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => ProvinceGlyphModel.Load(missing)).Message);

        var text = Path.Combine(Path.GetTempPath(), $"not-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(text, "not a network");
        try
        {
            Assert.Contains(text, Assert.Throws<InvalidDataException>(() => ProvinceGlyphModel.Load(text)).Message);
        }
        finally
        {
            File.Delete(text);
        }

        var patchNetwork = Path.Combine(AppContext.BaseDirectory, "models", SmokePatchModel.FileName);
        Assert.Contains("[n,1,32,32]", Assert.Throws<InvalidDataException>(() => ProvinceGlyphModel.Load(patchNetwork)).Message);
    }

    [Fact]
    public void A_classifier_for_another_home_province_a_weight_out_of_range_and_a_glyph_of_the_wrong_size_are_refused()
    {
        var glyphs = ocr.Glyphs;

        var error = Assert.Throws<ArgumentException>(() => new PpOcrRecognizer(ocr.Models, '鄂', 1000, glyphs: glyphs));
        Assert.Contains("豫", error.Message);
        Assert.Throws<ArgumentException>(() => new PpOcrRecognizer(ocr.Models, glyphs: glyphs));
        // Above 4 the ratios (up to 1e4) raised to the weight would overflow a float.
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpOcrRecognizer(ocr.Models, '豫', 1000, glyphs: glyphs, glyphWeight: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpOcrRecognizer(ocr.Models, '豫', 1000, glyphs: glyphs, glyphWeight: double.NaN));
        Assert.Throws<ArgumentException>(() => glyphs.HomeProbability(new byte[ProvinceGlyph.Length - 1]));
        Assert.Throws<ArgumentException>(() => glyphs.LikelihoodRatios(new float[glyphs.Provinces.Length - 1]));
    }

    [Theory]
    [InlineData("0.9,0.1", true)]
    [InlineData("0,1", false)]
    [InlineData("0.9,1.1", false)]
    [InlineData("0.9", false)]
    [InlineData("0.9,x", false)]
    [InlineData("0.9,0.05,0.05", false)]
    [InlineData(null, false)]
    public void The_training_shares_in_the_model_metadata_are_checked(string? text, bool valid) =>
        Assert.Equal(valid, ProvinceGlyphModel.ParsePriorShares(text, 2) is not null);

    [Fact]
    public void Likelihood_ratios_are_by_province_and_a_province_the_network_never_saw_gets_the_likeliest_seen_foreign_ones()
    {
        var glyphs = ocr.Glyphs;
        var read = Read(ocr.GlyphReader, "鲁E35427");
        Assert.NotNull(read?.Province);
        var p = glyphs.Probabilities(read.Province.Glyph);

        var ratios = glyphs.LikelihoodRatios(p);

        Assert.Equal(PlateAlphabet.Provinces.Length, ratios.Length);
        Assert.Equal(p[glyphs.Provinces.IndexOf('豫')], glyphs.HomeProbability(p));
        var seenForeign = glyphs.Provinces.Where(c => c != '豫').Select(c => ratios[PlateAlphabet.Provinces.IndexOf(c)]).ToList();
        Assert.All(PlateAlphabet.Provinces.Where(c => !glyphs.Provinces.Contains(c)), c => Assert.Equal(seenForeign.Max(), ratios[PlateAlphabet.Provinces.IndexOf(c)]));
        // A seen province: its odds under the network over its odds among the training glyphs.
        for (var i = 0; i < glyphs.Provinces.Length; i++)
        {
            var odds = p[i] / (1 - p[i]) / (glyphs.PriorShares[i] / (1 - glyphs.PriorShares[i]));
            Assert.Equal(Math.Clamp(odds, 1e-4, 1e4), ratios[PlateAlphabet.Provinces.IndexOf(glyphs.Provinces[i])], 0.01 * Math.Clamp(odds, 1e-4, 1e4));
        }
        Assert.Equal(0.895, glyphs.PriorShares[glyphs.Provinces.IndexOf('豫')], 3);
    }
}

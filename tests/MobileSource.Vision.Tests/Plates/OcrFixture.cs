using MobileSource.Vision.Plates;

namespace MobileSource.Vision.Tests.Plates;

/// <summary>One set of ONNX sessions for all plate tests (loading them is the slow part).</summary>
public sealed class OcrFixture : IDisposable
{
    public OcrFixture()
    {
        Models = new PpOcrModels();
        Recognizer = new PpOcrRecognizer(Models);
        Reader = new PlateReader(Models);
        Glyphs = ProvinceGlyphModel.Load(Path.Combine(AppContext.BaseDirectory, "models", ProvinceGlyphModel.FileName));
        GlyphReader = new PlateReader(Models, recognizer: new PpOcrRecognizer(Models, PlateReader.DefaultHomeProvince, PlateReader.DefaultHomeProvinceWeight,
            PlateReader.DefaultHomeCity, PlateReader.DefaultHomeCityWeight, Glyphs, PlateReader.DefaultGlyphWeight));
    }

    public PpOcrModels Models { get; }

    public PpOcrRecognizer Recognizer { get; }

    public PlateReader Reader { get; }

    /// <summary>The shipped province glyph classifier.</summary>
    public ProvinceGlyphModel Glyphs { get; }

    /// <summary>As deployed: both home priors and the shipped province glyph classifier.</summary>
    public PlateReader GlyphReader { get; }

    public void Dispose()
    {
        Glyphs.Dispose();
        Models.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrFixture>
{
    public const string Name = "ocr";
}

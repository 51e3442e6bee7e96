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
    }

    public PpOcrModels Models { get; }

    public PpOcrRecognizer Recognizer { get; }

    public PlateReader Reader { get; }

    public void Dispose() => Models.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrFixture>
{
    public const string Name = "ocr";
}

using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>The smoke model and the plate reader the commands share; both are loaded once.</summary>
internal sealed class Components : IDisposable
{
    private PpOcrModels? _ocr;

    public FastTreeSmokeClassifier? Smoke { get; private init; }
    public IPlateReader? Plates { get; private init; }

    public static Components Load(CliOptions options, bool smoke = true, bool plates = true)
    {
        var ocr = plates && !options.Has("--no-plates") ? new PpOcrModels() : null;
        return new Components
        {
            _ocr = ocr,
            Smoke = smoke ? FastTreeSmokeClassifier.Load(options.Text("--model")) : null,
            Plates = ocr is null ? null : new PlateReader(ocr),
        };
    }

    public void Dispose()
    {
        Smoke?.Dispose();
        _ocr?.Dispose();
    }
}

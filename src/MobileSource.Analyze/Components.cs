using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;

namespace MobileSource.Analyze;

/// <summary>The smoke model, the plate reader and the vehicle detector the commands share; each is loaded once.</summary>
internal sealed class Components : IDisposable
{
    private PpOcrModels? _ocr;
    private ProvinceGlyphModel? _glyphs;

    public FastTreeSmokeClassifier? Smoke { get; private init; }
    public IPlateReader? Plates { get; private init; }
    /// <summary>The learned vehicle detector; null with --motion-blobs (vehicles found by motion alone).</summary>
    public VehicleDetectorModel? Vehicles { get; private init; }

    /// <param name="vehicles">Whether the vehicle detector is needed (videos of traffic driving away).</param>
    public static Components Load(CliOptions options, bool smoke = true, bool plates = true, bool vehicles = true)
    {
        var ocr = plates && !options.Has("--no-plates") ? new PpOcrModels() : null;
        var glyphs = ocr is null ? null : LoadProvinceGlyphs(options);
        return new Components
        {
            _ocr = ocr,
            _glyphs = glyphs,
            Smoke = smoke ? FastTreeSmokeClassifier.Load(options.Text("--model")) : null,
            Plates = ocr is null ? null : new PlateReader(ocr, recognizer: new PpOcrRecognizer(ocr, PlateReader.DefaultHomeProvince, PlateReader.DefaultHomeProvinceWeight,
                PlateReader.DefaultHomeCity, PlateReader.DefaultHomeCityWeight, glyphs, GlyphWeight(options))),
            Vehicles = vehicles ? LoadVehicleDetector(options) : null,
        };
    }

    /// <summary>--vehicle-model (default: the shipped models/vehicle-detector.onnx), or none with --motion-blobs.</summary>
    public static VehicleDetectorModel? LoadVehicleDetector(CliOptions options) =>
        options.Has("--motion-blobs") ? null : VehicleDetectorModel.Load(options.Text("--vehicle-model") ?? VehicleDetectorModel.DefaultPath);

    /// <summary>
    /// --glyph-model (default: the shipped models/province-glyph.onnx where it exists), or none with --glyph-model none.
    /// </summary>
    public static ProvinceGlyphModel? LoadProvinceGlyphs(CliOptions options) => options.Text("--glyph-model") switch
    {
        "none" => null,
        { } path => ProvinceGlyphModel.Load(path),
        null => File.Exists(ProvinceGlyphModel.DefaultPath) ? ProvinceGlyphModel.Load(ProvinceGlyphModel.DefaultPath) : null,
    };

    /// <summary>--glyph-weight: the power the province glyph classifier's likelihood ratios are raised to.</summary>
    public static double GlyphWeight(CliOptions options) => options.Number("--glyph-weight", PlateReader.DefaultGlyphWeight, 0, PpOcrRecognizer.MaxGlyphWeight);

    /// <summary>How vehicles were found, for a report's command line.</summary>
    public static string VehicleDetection(CliOptions options) =>
        options.Has("--motion-blobs") ? " --motion-blobs" : options.Text("--vehicle-model") is { } m ? " --vehicle-model " + m : "";

    public void Dispose()
    {
        Smoke?.Dispose();
        Vehicles?.Dispose();
        _glyphs?.Dispose();
        _ocr?.Dispose();
    }
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Makes each camera's <see cref="StreamAnalyzer"/>: its own smoke classifier (ML.NET engines are not thread-safe)
/// and plate reader, sharing one set of PP-OCRv4 sessions and one vehicle detector. A missing model degrades the
/// analysis (logged) instead of stopping the camera: without the smoke model no capture is decided, without OCR models
/// plates stay unread, without the vehicle detector vehicles are found by motion alone.
/// </summary>
public sealed class StreamAnalyzerFactory(IOptions<CameraHostOptions> host, ILogger<StreamAnalyzerFactory> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private PpOcrModels? _ocr;
    private bool _ocrTried;
    private VehicleDetectorModel? _vehicles;
    private bool _vehiclesTried;
    private ProvinceGlyphModel? _glyphs;
    private bool _glyphsTried;

    public IStreamAnalyzer Create(CameraOptions camera)
    {
        var options = new StreamAnalyzerOptions { Direction = camera.TravelDirection };
        // The detector learned vehicles seen from behind (smoke cameras look down the road at traffic driving away);
        // cameras looking another way find vehicles by motion.
        var vehicles = camera.TravelDirection == TravelDirection.Away ? VehicleDetector() : null;
        return new StreamAnalyzer(options, LoadClassifier(camera), PlateReader(camera), vehicleDetector: vehicles);
    }

    private VehicleDetectorModel? VehicleDetector()
    {
        lock (_lock)
        {
            if (_vehiclesTried) return _vehicles;
            _vehiclesTried = true;
            var path = host.Value.VehicleDetector;
            if (path == CameraHostOptions.MotionBlobsOnly) return null;
            try
            {
                _vehicles = VehicleDetectorModel.Load(string.IsNullOrWhiteSpace(path) ? VehicleDetectorModel.DefaultPath : path);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                logger.LogError("Vehicle detector unavailable ({Reason}): vehicles are found by motion alone", e.Message);
            }
            return _vehicles;
        }
    }

    private FastTreeSmokeClassifier? LoadClassifier(CameraOptions camera)
    {
        var path = string.IsNullOrWhiteSpace(host.Value.SmokeModel) ? FastTreeSmokeClassifier.DefaultPath : host.Value.SmokeModel;
        try
        {
            return FastTreeSmokeClassifier.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            logger.LogError("Camera {Camera}: {Reason}; vehicles are tracked but no smoke capture can be decided", camera.Id, e.Message);
            return null;
        }
    }

    private PlateReader? PlateReader(CameraOptions camera)
    {
        lock (_lock)
        {
            if (!_ocrTried)
            {
                _ocrTried = true;
                try
                {
                    _ocr = new PpOcrModels(OcrModelFiles.InDirectory(string.IsNullOrWhiteSpace(host.Value.OcrModels) ? null : host.Value.OcrModels));
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
                {
                    logger.LogError("PP-OCRv4 models unavailable ({Reason}): plates will not be read", e.Message);
                }
            }
        }
        if (_ocr is null)
        {
            logger.LogWarning("Camera {Camera}: no plate reader", camera.Id);
            return null;
        }
        var home = host.Value.HomeProvince;
        var city = home.Length == 1 ? host.Value.HomeCity : "";
        var glyphs = home.Length == 1 ? ProvinceGlyphs(home[0]) : null;
        var recognizer = new PpOcrRecognizer(_ocr, home.Length == 1 ? home[0] : null, home.Length == 1 ? host.Value.HomeProvinceWeight : 1,
            city.Length == 1 ? city[0] : null, city.Length == 1 ? host.Value.HomeCityWeight : 1, glyphs, host.Value.ProvinceGlyphWeight);
        return new PlateReader(_ocr, recognizer: recognizer);
    }

    private ProvinceGlyphModel? ProvinceGlyphs(char home)
    {
        lock (_lock)
        {
            if (_glyphsTried) return _glyphs;
            _glyphsTried = true;
            var path = host.Value.ProvinceGlyphModel;
            if (path == CameraHostOptions.NoProvinceGlyphModel) return null;
            try
            {
                var model = ProvinceGlyphModel.Load(string.IsNullOrWhiteSpace(path) ? ProvinceGlyphModel.DefaultPath : path);
                if (model.Province != home)
                {
                    logger.LogError("Province glyph model is for home province {Other}, not {Home}: the home prior alone decides the province", model.Province, home);
                    model.Dispose();
                    return null;
                }
                _glyphs = model;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                logger.LogError("Province glyph model unavailable ({Reason}): the home prior alone decides the province", e.Message);
            }
            return _glyphs;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _ocr?.Dispose();
            _vehicles?.Dispose();
            _glyphs?.Dispose();
            _glyphs = null;
            _glyphsTried = true;
            // A camera made after this finds vehicles by motion rather than get a disposed detector.
            _vehicles = null;
            _vehiclesTried = true;
        }
    }
}

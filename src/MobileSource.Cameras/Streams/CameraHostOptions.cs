using MobileSource.Vision.Plates;
namespace MobileSource.Cameras.Streams;

/// <summary>Settings for all cameras (section <c>CameraHost</c>).</summary>
public sealed class CameraHostOptions
{
    /// <summary>Off: no camera starts with the host (tests' servers, or a server without cameras).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Per-camera folders of recorded segments.</summary>
    public string RecordingRoot { get; set; } = "data/recordings";
    /// <summary>Evidence files are written here before the capture sink takes them.</summary>
    public string StagingRoot { get; set; } = "data/staging";
    public int SegmentSeconds { get; set; } = 2;
    /// <summary>Segments older than this are deleted.</summary>
    public TimeSpan RecordingRetention { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan ClipPreRoll { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ClipPostRoll { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Frames waiting for analysis; beyond this the oldest are dropped (and counted).</summary>
    public int AnalysisQueue { get; set; } = 20;
    public int JpegQuality { get; set; } = 90;
    /// <summary>
    /// Captures of one camera staged at once. Each waits for its post-roll before its clip can be cut, so a capture
    /// decided a second after another must not queue behind it.
    /// </summary>
    public int HandOverConcurrency { get; set; } = 4;
    /// <summary>The trained smoke model; empty: models/smoke-model.zip next to the binaries.</summary>
    public string SmokeModel { get; set; } = "";
    /// <summary>
    /// The learned vehicle detector (ONNX); empty: models/vehicle-detector.onnx next to the binaries;
    /// <see cref="MotionBlobsOnly"/>: vehicles are found by motion alone, as before the detector.
    /// </summary>
    public string VehicleDetector { get; set; } = "";
    public const string MotionBlobsOnly = "motion-blobs";
    /// <summary>The PP-OCRv4 model folder; empty: models/ocr next to the binaries.</summary>
    public string OcrModels { get; set; } = "";
    /// <summary>
    /// The local province, favoured when a small plate's province character is illegible (as commercial ANPR's
    /// "default province" setting); empty: no prior. Trades a few misread out-of-province plates for many local ones.
    /// </summary>
    public string HomeProvince { get; set; } = PlateReader.DefaultHomeProvince.ToString();
    /// <summary>Prior odds of <see cref="HomeProvince"/> over the model's own reading.</summary>
    public double HomeProvinceWeight { get; set; } = PlateReader.DefaultHomeProvinceWeight;
    /// <summary>
    /// The local city letter (F: 豫F is Hebi), favoured on top of <see cref="HomeProvince"/> for the two together; empty:
    /// none. The letter is usually legible where the province is not, so this flips 皖F to 豫F but leaves 鄂G alone.
    /// </summary>
    public string HomeCity { get; set; } = PlateReader.DefaultHomeCity.ToString();
    /// <summary>Prior odds of the local prefix over another city of the home province.</summary>
    public double HomeCityWeight { get; set; } = PlateReader.DefaultHomeCityWeight;
    /// <summary>
    /// The province glyph classifier (ONNX) for <see cref="HomeProvince"/>: it tells the home province's character from
    /// others where the OCR model cannot, so out-of-province plates are not read as local. Empty:
    /// models/province-glyph.onnx next to the binaries; <see cref="NoProvinceGlyphModel"/>: the prior alone decides.
    /// </summary>
    public string ProvinceGlyphModel { get; set; } = "";
    public const string NoProvinceGlyphModel = "none";
    /// <summary>The power the classifier's likelihood ratios are raised to (0: ignored; see PlateReader.DefaultGlyphWeight).</summary>
    public double ProvinceGlyphWeight { get; set; } = PlateReader.DefaultGlyphWeight;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(RecordingRoot))
        {
            yield return "CameraHost:RecordingRoot is required";
        }
        if (string.IsNullOrWhiteSpace(StagingRoot))
        {
            yield return "CameraHost:StagingRoot is required";
        }
        if (HomeProvince.Length > 1 || (HomeProvince.Length == 1 && !PlateAlphabet.Provinces.Contains(HomeProvince[0])))
        {
            yield return $"CameraHost:HomeProvince '{HomeProvince}' must be one province abbreviation (e.g. 豫) or empty";
        }
        if (HomeProvinceWeight is < 1 or > 100000)
        {
            yield return $"CameraHost:HomeProvinceWeight {HomeProvinceWeight} must be between 1 and 100000";
        }
        if (HomeCity.Length > 1 || (HomeCity.Length == 1 && !PlateAlphabet.Letters.Contains(HomeCity[0])))
        {
            yield return $"CameraHost:HomeCity '{HomeCity}' must be one plate letter (e.g. F) or empty";
        }
        if (HomeCityWeight is < 1 or > 100000)
        {
            yield return $"CameraHost:HomeCityWeight {HomeCityWeight} must be between 1 and 100000";
        }
        if (!(ProvinceGlyphWeight is >= 0 and <= PpOcrRecognizer.MaxGlyphWeight))
        {
            yield return $"CameraHost:ProvinceGlyphWeight {ProvinceGlyphWeight} must be between 0 and {PpOcrRecognizer.MaxGlyphWeight}";
        }
        if (SegmentSeconds is < 1 or > 60)
        {
            yield return $"CameraHost:SegmentSeconds {SegmentSeconds} must be between 1 and 60";
        }
        if (ClipPreRoll < TimeSpan.Zero || ClipPostRoll < TimeSpan.Zero)
        {
            yield return "CameraHost:ClipPreRoll and ClipPostRoll must not be negative";
        }
        if (RecordingRetention < ClipPreRoll + ClipPostRoll + TimeSpan.FromSeconds(4 * SegmentSeconds + 30))
        {
            yield return $"CameraHost:RecordingRetention {RecordingRetention} must outlast a clip's window plus its post-roll wait";
        }
        if (AnalysisQueue is < 1 or > 1000)
        {
            yield return $"CameraHost:AnalysisQueue {AnalysisQueue} must be between 1 and 1000";
        }
        if (HandOverConcurrency is < 1 or > 64)
        {
            yield return $"CameraHost:HandOverConcurrency {HandOverConcurrency} must be between 1 and 64";
        }
        if (JpegQuality is < 10 or > 100)
        {
            yield return $"CameraHost:JpegQuality {JpegQuality} must be between 10 and 100";
        }
    }
}

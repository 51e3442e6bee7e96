using Microsoft.ML.OnnxRuntime;

namespace MobileSource.Vision;

/// <summary>Opens a network trained by this project (vehicle detector, smoke patch network) on one thread per call.</summary>
internal static class OnnxModelFile
{
    /// <param name="what">The network's name in error messages, e.g. "vehicle detector".</param>
    /// <param name="trainer">Where it is trained, for the message when the file is missing.</param>
    public static InferenceSession Open(string path, string what, string trainer)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{what} {path} does not exist (train it with {trainer})", path);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{what} {path} is not an ONNX model: {e.Message}", e);
        }
    }
}

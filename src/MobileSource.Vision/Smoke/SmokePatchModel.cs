using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The patch model (models/smoke-patch.onnx): a small convolutional network trained by this project
/// (tools/MobileSource.SmokePatchTrainer) that gives the smoke probability of a region's <see cref="SmokePatch"/>.
/// It sees the shape of the plume that the region statistics of <see cref="SmokeFeatures"/> average away; its score is
/// one of those features. Input "patch" [n, channels, size, size], output "smoke" [n, 1]. One instance per analyzer.
/// </summary>
public sealed class SmokePatchModel : IDisposable
{
    public const string FileName = "smoke-patch.onnx";
    public const string InputName = "patch";
    public const string OutputName = "smoke";
    private readonly InferenceSession _session;
    private readonly DenseTensor<float> _input = new([1, SmokePatch.Channels, SmokePatch.Size, SmokePatch.Size]);

    private SmokePatchModel(InferenceSession session) => _session = session;

    public static SmokePatchModel Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"smoke patch model {path} does not exist (train it with tools/MobileSource.SmokePatchTrainer)", path);
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"smoke patch model {path} is not an ONNX model: {e.Message}", e);
        }
        if (!session.InputMetadata.TryGetValue(InputName, out var input)
            || !input.Dimensions.Skip(1).SequenceEqual([SmokePatch.Channels, SmokePatch.Size, SmokePatch.Size])
            || !session.OutputMetadata.ContainsKey(OutputName))
        {
            session.Dispose();
            throw new InvalidDataException($"smoke patch model {path} does not take '{InputName}' [n,{SmokePatch.Channels},{SmokePatch.Size},{SmokePatch.Size}] and give '{OutputName}'");
        }
        return new SmokePatchModel(session);
    }

    public float Score(float[] patch)
    {
        if (patch.Length != SmokePatch.Length)
            throw new ArgumentException($"expected a patch of {SmokePatch.Length} values, got {patch.Length}", nameof(patch));
        patch.CopyTo(_input.Buffer.Span);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, _input)]);
        return results[0].AsTensor<float>().GetValue(0);
    }

    public void Dispose() => _session.Dispose();
}

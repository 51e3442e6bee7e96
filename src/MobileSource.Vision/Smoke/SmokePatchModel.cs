using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The smoke patch network (models/smoke-patch.onnx): a small convolutional network trained by this project
/// (tools/MobileSource.SmokePatchTrainer) on the labelled regions `train-smoke` learns from, seen as
/// <see cref="SmokePatch"/> pictures. Its smoke probability and level are two more inputs of the frame model
/// (<see cref="SmokeFeatures.PatchScore"/>, <see cref="SmokeFeatures.PatchLevel"/>). Input "patch" [n, 6, 32, 32] (each
/// byte / 255 - 0.5), output "out" [n, 2] (smoke logit, level / 5). Thread-safe: one instance serves every camera.
/// </summary>
public sealed class SmokePatchModel : IDisposable
{
    public const string FileName = "smoke-patch.onnx";
    public const string InputName = "patch";
    public const string OutputName = "out";
    private readonly InferenceSession _session;

    private SmokePatchModel(InferenceSession session) => _session = session;

    public static SmokePatchModel Load(string path)
    {
        var session = OnnxModelFile.Open(path, "smoke patch model", "tools/MobileSource.SmokePatchTrainer");
        if (!session.InputMetadata.TryGetValue(InputName, out var input) || input.Dimensions is not [_, SmokePatch.Channels, SmokePatch.Side, SmokePatch.Side]
            || !session.OutputMetadata.TryGetValue(OutputName, out var output) || output.Dimensions is not [_, 2])
        {
            session.Dispose();
            throw new InvalidDataException($"smoke patch model {path} does not take '{InputName}' [n,{SmokePatch.Channels},{SmokePatch.Side},{SmokePatch.Side}] and give '{OutputName}' [n,2]");
        }
        return new SmokePatchModel(session);
    }

    /// <summary>The smoke probability (0-1) and the Ringelmann level (0-5) of one <see cref="SmokePatch"/>.</summary>
    public (float Smoke, float Level) Score(byte[] patch)
    {
        if (patch.Length != SmokePatch.Length) throw new ArgumentException($"a smoke patch has {SmokePatch.Length} bytes, not {patch.Length}", nameof(patch));
        var input = new DenseTensor<float>([1, SmokePatch.Channels, SmokePatch.Side, SmokePatch.Side]);
        var span = input.Buffer.Span;
        for (var i = 0; i < patch.Length; i++) span[i] = patch[i] / 255f - 0.5f;
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, input)]);
        var output = results[0].AsTensor<float>();
        return (1f / (1f + MathF.Exp(-output[0, 0])), Math.Clamp(5f * output[0, 1], 0f, 5f));
    }

    public void Dispose() => _session.Dispose();
}

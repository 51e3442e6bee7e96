using System.Buffers;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>
/// The learned vehicle detector (models/vehicle-detector.onnx): a small convolutional network trained by this project
/// (tools/MobileSource.VehicleDetectorTrainer) on simulator frames and their true vehicle boxes. It looks at the frame
/// and the road background at analysis size, so it boxes dark trucks the motion blobs take for shade and splits
/// vehicles whose blobs run together. Input "image" [1, 6, h, w] (each byte / 255 - 0.5; frame BGR, then background
/// BGR as lit now; zero-padded to multiples of 16), output "grid" read by <see cref="CenterDecoder"/>. Thread-safe:
/// one instance serves every camera.
/// </summary>
public sealed class VehicleDetectorModel : IVehicleDetector, IDisposable
{
    public const string FileName = "vehicle-detector.onnx";
    /// <summary>models/vehicle-detector.onnx next to the application's binaries (Vision copies it there).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", FileName);
    public const string InputName = "image";
    public const string OutputName = "grid";
    private const int Channels = 6;
    private const int Multiple = 16;
    private readonly InferenceSession _session;

    private VehicleDetectorModel(InferenceSession session, float threshold)
    {
        _session = session;
        Threshold = threshold;
    }

    /// <summary>The lowest centre probability taken as a vehicle (chosen by the trainer on held-out scenes).</summary>
    public float Threshold { get; }

    public static VehicleDetectorModel Load(string path)
    {
        var session = OnnxModelFile.Open(path, "vehicle detector", "tools/MobileSource.VehicleDetectorTrainer");
        if (!session.InputMetadata.TryGetValue(InputName, out var input) || input.Dimensions.Length != 4 || input.Dimensions[1] != Channels
            || !session.OutputMetadata.TryGetValue(OutputName, out var output) || output.Dimensions.Length != 4 || output.Dimensions[1] != CenterDecoder.Planes)
        {
            session.Dispose();
            throw new InvalidDataException($"vehicle detector {path} does not take '{InputName}' [n,{Channels},h,w] and give '{OutputName}' [n,{CenterDecoder.Planes},h/4,w/4]");
        }
        var threshold = session.ModelMetadata.CustomMetadataMap.TryGetValue("threshold", out var text)
                        && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and < 1
            ? t
            : 0.4f;
        return new VehicleDetectorModel(session, threshold);
    }

    public IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image)
    {
        int w = Padded(image.Width), h = Padded(image.Height), length = Channels * w * h;
        var buffer = ArrayPool<float>.Shared.Rent(length);
        try
        {
            var input = new DenseTensor<float>(buffer.AsMemory(0, length), [1, Channels, h, w]);
            Fill(image, input.Buffer.Span, w, h);
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, input)]);
            var grid = (DenseTensor<float>)results[0].AsTensor<float>();
            var boxes = CenterDecoder.Decode(grid.Buffer.Span, w / CenterDecoder.Stride, h / CenterDecoder.Stride, Threshold);
            return boxes.Select(b => new Rect((int)MathF.Round(b.X), (int)MathF.Round(b.Y), (int)MathF.Round(b.Width), (int)MathF.Round(b.Height))).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static int Padded(int size) => (size + Multiple - 1) / Multiple * Multiple;

    /// <summary>The network's input, as the trainer builds it (tools/MobileSource.VehicleDetectorTrainer/Batch.cs).</summary>
    private static void Fill(AnalysisImage image, Span<float> input, int w, int h)
    {
        var plane = w * h;
        input.Clear();
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
        {
            var source = (y * image.Width + x) * 3;
            var target = y * w + x;
            for (var c = 0; c < 3; c++)
            {
                input[target + c * plane] = image.Bgr[source + c] / 255f - 0.5f;
                input[target + (c + 3) * plane] = image.LitBackground(source + c) / 255f - 0.5f;
            }
        }
    }

    public void Dispose() => _session.Dispose();
}

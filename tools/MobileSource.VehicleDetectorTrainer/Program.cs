using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MobileSource.Vision.Tracking;
using MobileSource.VehicleDetectorTrainer;
using TorchSharp;
using static TorchSharp.torch;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;

// vehicle-detector-trainer --data a.bin[,b.bin] [--out models/vehicle-detector.onnx] [--metrics models/vehicle-detector-metrics.json]
//                          [--epochs 8] [--batch 16] [--seed 1]
// Trains the vehicle detector on the frames of `analyze detector-data`; every fifth scene is held out for the metrics
// and for choosing the centre threshold.
var options = Options.Parse(args);
var dataFiles = options.GetValueOrDefault("--data")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
                ?? throw new ArgumentException("usage: vehicle-detector-trainer --data <file>[,<file>] [--out models/vehicle-detector.onnx] [--metrics <json>] [--epochs 8] [--batch 16] [--seed 1]");
var outPath = options.GetValueOrDefault("--out") ?? Path.Combine("models", "vehicle-detector.onnx");
var metricsPath = options.GetValueOrDefault("--metrics") ?? Path.Combine(Path.GetDirectoryName(outPath) ?? ".", "vehicle-detector-metrics.json");
var epochs = int.Parse(options.GetValueOrDefault("--epochs") ?? "8", CultureInfo.InvariantCulture);
var batchSize = int.Parse(options.GetValueOrDefault("--batch") ?? "16", CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "1", CultureInfo.InvariantCulture);

LibTorchSharpCompat.Apply();
torch.manual_seed(seed);
torch.set_num_threads(Environment.ProcessorCount);
var watch = Stopwatch.StartNew();
var frames = FrameSet.Read(dataFiles);
var scenes = frames.Select(f => f.Scene).Distinct().Order().ToList();
var heldOut = scenes.Where((_, i) => i % 5 == 4).ToHashSet();
var train = frames.Where(f => !heldOut.Contains(f.Scene)).ToArray();
var test = frames.Where(f => heldOut.Contains(f.Scene)).ToArray();
if (test.Length == 0) throw new ArgumentException($"{scenes.Count} scenes: every fifth is held out, so at least 5 are needed");
Console.Error.WriteLine($"vehicle-detector-trainer: {frames.Count} frames from {scenes.Count} scenes; {train.Length} to train, {test.Length} held out ({heldOut.Count} scenes)");

var net = new DetectorNet();
var optimizer = optim.Adam(net.parameters(), lr: 1e-3, weight_decay: 1e-5);
var random = new Random(seed);
var history = new List<object>();
float[] thresholds = [0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
for (var epoch = 1; epoch <= epochs; epoch++)
{
    // The last quarter at a tenth of the rate, to settle.
    if (epoch == epochs - epochs / 4 + 1) foreach (var g in optimizer.ParamGroups) g.LearningRate = 1e-4;
    net.train();
    random.Shuffle(train);
    double lossSum = 0;
    var batches = 0;
    // Frames batch with frames of their own size only.
    foreach (var group in train.GroupBy(f => (f.Width, f.Height)))
    {
        var list = group.ToArray();
        for (var b = 0; b + batchSize <= list.Length; b += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var part = list.AsSpan(b, batchSize).ToArray();
            var flip = part.Select(_ => random.Next(2) == 0).ToArray();
            var gains = part.Select(_ => (float)(0.75 + 0.5 * random.NextDouble())).ToArray();
            var loss = Batch.Loss(net.forward(Batch.Input(part, flip, gains)), Batch.Boxes(part, flip), part[0].Width, part[0].Height);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>();
            batches++;
        }
    }
    var metrics = thresholds.Select(t => Evaluate(net, test, t)).ToArray();
    history.Add(new { epoch, trainLoss = Math.Round(lossSum / batches, 4), heldOutF1 = thresholds.Zip(metrics, (t, m) => new { threshold = t, f1 = Math.Round(m.F1, 4) }) });
    Console.Error.WriteLine($"vehicle-detector-trainer: epoch {epoch}: loss {lossSum / batches:0.0000}, held-out F1 "
                            + string.Join(", ", thresholds.Zip(metrics, (t, m) => $"{m.F1:0.000} ({m.Precision:0.00}/{m.Recall:0.00}) at {t}"))
                            + $", {watch.Elapsed.TotalSeconds:0} s");
}

var final = thresholds.Select(t => (Threshold: t, Metrics: Evaluate(net, test, t))).ToArray();
var chosen = final.MaxBy(m => m.Metrics.F1);
var command = "vehicle-detector-trainer " + string.Join(' ', args);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
OnnxExport.Write(net, outPath, chosen.Threshold, command);
var exportError = CheckExport(outPath, net, test.Take(8).ToArray());
if (exportError > 1e-3) throw new InvalidOperationException($"the exported model disagrees with the trained one by up to {exportError}");
var report = new
{
    model = outPath,
    command,
    trainedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    heldOutScenes = heldOut.Order(),
    trainFrames = train.Length,
    testFrames = test.Length,
    threshold = chosen.Threshold,
    minIoU = BoxMetrics.MinIoU,
    heldOut = chosen.Metrics.Report(),
    byThreshold = final.Select(m => new { threshold = m.Threshold, precision = Math.Round(m.Metrics.Precision, 4), recall = Math.Round(m.Metrics.Recall, 4), f1 = Math.Round(m.Metrics.F1, 4) }),
    exportMaxError = exportError,
    epochs = history,
    seconds = Math.Round(watch.Elapsed.TotalSeconds),
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
File.WriteAllText(metricsPath, json + Environment.NewLine);
Console.WriteLine(json);
return 0;

static BoxMetrics Evaluate(DetectorNet net, LabelledFrame[] frames, float threshold)
{
    net.eval();
    var metrics = new BoxMetrics();
    using var noGrad = torch.no_grad();
    foreach (var group in frames.GroupBy(f => (f.Width, f.Height)))
    {
        var list = group.ToArray();
        for (var b = 0; b < list.Length; b += 32)
        {
            using var scope = torch.NewDisposeScope();
            var part = list.AsSpan(b, Math.Min(32, list.Length - b)).ToArray();
            var output = net.forward(Batch.Input(part)).contiguous();
            var values = output.data<float>().ToArray();
            int gh = (int)output.shape[2], gw = (int)output.shape[3], length = CenterDecoder.Planes * gh * gw;
            for (var k = 0; k < part.Length; k++)
                metrics.Add(CenterDecoder.Decode(values.AsSpan(k * length, length), gw, gh, threshold), part[k].Boxes);
        }
    }
    return metrics;
}

// The largest difference between OnnxRuntime's output for the exported model and the trained network's.
static double CheckExport(string path, DetectorNet net, LabelledFrame[] frames)
{
    using var session = new InferenceSession(path);
    net.eval();
    using var noGrad = torch.no_grad();
    var worst = 0.0;
    foreach (var frame in frames)
    {
        using var scope = torch.NewDisposeScope();
        var input = Batch.Input([frame]);
        var expected = net.forward(input).contiguous().data<float>().ToArray();
        var shape = input.shape.Select(d => (int)d).ToArray();
        var tensor = new DenseTensor(input.contiguous().data<float>().ToArray(), shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("image", tensor)]);
        var actual = results[0].AsTensor<float>().ToArray();
        for (var i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
    }
    return worst;
}

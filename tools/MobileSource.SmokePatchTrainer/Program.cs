using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MobileSource.SmokePatchTrainer;
using MobileSource.VehicleDetectorTrainer;
using TorchSharp;
using static TorchSharp.torch;

// smoke-patch-trainer --data a.bin[,b.bin] [--out models/smoke-patch.onnx] [--metrics <json>] [--epochs 6] [--batch 128]
//                     [--seed 1] [--exclude-fold k/n]
// Trains the smoke patch network on the regions of `analyze smoke-patches`. Every fifth scene (in seed order, as
// `train-smoke` splits) is held out for the metrics; --exclude-fold k/n also leaves out of training the scenes whose
// index mod n is k, so that their scores are out-of-sample when the frame model learns from them.
var options = Options.Parse(args);
var dataFiles = options.GetValueOrDefault("--data")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
                ?? throw new ArgumentException("usage: smoke-patch-trainer --data <file>[,<file>] [--out models/smoke-patch.onnx] [--metrics <json>] [--epochs 6] [--batch 128] [--seed 1] [--exclude-fold k/n]");
var outPath = options.GetValueOrDefault("--out") ?? Path.Combine("models", "smoke-patch.onnx");
var metricsPath = options.GetValueOrDefault("--metrics") ?? Path.ChangeExtension(outPath, null) + "-metrics.json";
var epochs = int.Parse(options.GetValueOrDefault("--epochs") ?? "6", CultureInfo.InvariantCulture);
var batchSize = int.Parse(options.GetValueOrDefault("--batch") ?? "128", CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "1", CultureInfo.InvariantCulture);
var (excludeFold, folds) = options.GetValueOrDefault("--exclude-fold") is { } fold
    ? (int.Parse(fold.Split('/')[0], CultureInfo.InvariantCulture), int.Parse(fold.Split('/')[1], CultureInfo.InvariantCulture))
    : (-1, 1);

LibTorchSharpCompat.Apply();
torch.manual_seed(seed);
torch.set_num_threads(Environment.ProcessorCount);
var watch = Stopwatch.StartNew();
var patches = PatchSet.Read(dataFiles);
var scenes = patches.Select(p => p.Scene).Distinct().Order().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
bool HeldOut(LabelledPatch p) => scenes[p.Scene] % 5 == 4;
bool Excluded(LabelledPatch p) => folds > 1 && scenes[p.Scene] % folds == excludeFold;
var train = patches.Where(p => !HeldOut(p) && !Excluded(p)).ToArray();
var test = patches.Where(HeldOut).ToArray();
if (test.Length == 0) throw new ArgumentException($"{scenes.Count} scenes: every fifth is held out, so at least 5 are needed");
Console.Error.WriteLine($"smoke-patch-trainer: {patches.Count} regions from {scenes.Count} scenes; {train.Length} to train ({train.Count(p => p.Smoke)} smoke), {test.Length} held out");

var net = new PatchNet();
var optimizer = optim.Adam(net.parameters(), lr: 1e-3, weight_decay: 1e-5);
var random = new Random(seed);
var history = new List<object>();
for (var epoch = 1; epoch <= epochs; epoch++)
{
    if (epoch == epochs - epochs / 3 + 1) foreach (var g in optimizer.ParamGroups) g.LearningRate = 1e-4;
    net.train();
    random.Shuffle(train);
    double lossSum = 0;
    var batches = 0;
    for (var b = 0; b + batchSize <= train.Length; b += batchSize)
    {
        using var scope = torch.NewDisposeScope();
        var part = train.AsSpan(b, batchSize).ToArray();
        var input = PatchBatch.Input(part, random);
        var output = net.forward(input);
        var loss = PatchBatch.Loss(output, part);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        lossSum += loss.item<float>();
        batches++;
    }
    var m = PatchMetrics.Measure(Predict(net, test), test);
    history.Add(new { epoch, trainLoss = Math.Round(lossSum / batches, 4), heldOutAuc = Math.Round(m.Auc, 4) });
    Console.Error.WriteLine($"smoke-patch-trainer: epoch {epoch}: loss {lossSum / batches:0.0000}, held-out AUC {m.Auc:0.0000}, {watch.Elapsed.TotalSeconds:0} s");
}

var predictions = Predict(net, test);
var metrics = PatchMetrics.Measure(predictions, test);
var command = "smoke-patch-trainer " + string.Join(' ', args);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
PatchOnnxExport.Write(net, outPath, command);
var exportError = PatchOnnxExport.MaxDifference(outPath, net, PatchOnnxExport.Input, PatchBatch.Input(test.Take(64).ToArray()));
if (exportError > 1e-3) throw new InvalidOperationException($"the exported model disagrees with the trained one by up to {exportError}");
var report = new
{
    model = outPath,
    command,
    trainedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    trainRegions = train.Length,
    testRegions = test.Length,
    testSmoke = test.Count(p => p.Smoke),
    heldOut = metrics.Report(),
    exportMaxError = exportError,
    epochs = history,
    seconds = Math.Round(watch.Elapsed.TotalSeconds),
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
File.WriteAllText(metricsPath, json + Environment.NewLine);
Console.WriteLine(json);
return 0;

static (float Smoke, float Level)[] Predict(PatchNet net, LabelledPatch[] patches)
{
    net.eval();
    using var noGrad = torch.no_grad();
    var result = new (float, float)[patches.Length];
    for (var b = 0; b < patches.Length; b += 512)
    {
        using var scope = torch.NewDisposeScope();
        var part = patches.AsSpan(b, Math.Min(512, patches.Length - b)).ToArray();
        var output = net.forward(PatchBatch.Input(part)).contiguous().data<float>().ToArray();
        for (var k = 0; k < part.Length; k++)
            result[b + k] = (1f / (1f + MathF.Exp(-output[2 * k])), Math.Clamp(5f * output[2 * k + 1], 0f, 5f));
    }
    return result;
}

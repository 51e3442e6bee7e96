using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using MobileSource.SmokePatchTrainer;
using TorchSharp;
using static TorchSharp.torch;

// smoke-patch-trainer --patches a.bin[,b.bin] [--out models/smoke-patch.onnx] [--metrics models/smoke-patch-metrics.json]
//                     [--epochs 10] [--seed 1]
// Trains the patch model on the patches of `analyze train-smoke --patches`; every fifth scene is held out for the metrics.
var options = Options.Parse(args);
var patchFiles = options.GetValueOrDefault("--patches")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
                 ?? throw new ArgumentException("usage: smoke-patch-trainer --patches <file>[,<file>] [--out models/smoke-patch.onnx] [--metrics <json>] [--epochs 10] [--seed 1]");
var outPath = options.GetValueOrDefault("--out") ?? Path.Combine("models", "smoke-patch.onnx");
var metricsPath = options.GetValueOrDefault("--metrics") ?? Path.Combine(Path.GetDirectoryName(outPath) ?? ".", "smoke-patch-metrics.json");
var epochs = int.Parse(options.GetValueOrDefault("--epochs") ?? "10", CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "1", CultureInfo.InvariantCulture);

LibTorchSharpCompat.Apply();
torch.manual_seed(seed);
torch.set_num_threads(Environment.ProcessorCount);
var watch = Stopwatch.StartNew();
var set = PatchSet.Read(patchFiles);
var scenes = set.Scenes.Distinct().Order().ToList();
var heldOut = scenes.Where((_, i) => i % 5 == 4).ToHashSet();
var train = Enumerable.Range(0, set.Count).Where(i => !heldOut.Contains(set.Scenes[i])).ToArray();
var test = Enumerable.Range(0, set.Count).Where(i => heldOut.Contains(set.Scenes[i])).ToArray();
Console.Error.WriteLine($"smoke-patch-trainer: {set.Count} patches from {scenes.Count} scenes; {train.Length} to train, {test.Length} held out ({heldOut.Count} scenes)");

var net = new PatchNet(set.Channels, set.Size);
var optimizer = optim.Adam(net.parameters(), lr: 1e-3, weight_decay: 1e-5);
var random = new Random(seed);
const int batch = 256;
var history = new List<object>();
for (var epoch = 1; epoch <= epochs; epoch++)
{
    net.train();
    random.Shuffle(train);
    double lossSum = 0;
    var batches = 0;
    for (var b = 0; b < train.Length; b += batch)
    {
        using var scope = torch.NewDisposeScope();
        var indices = train.AsSpan(b, Math.Min(batch, train.Length - b)).ToArray();
        var (x, y) = Batch(set, indices);
        // The region is symmetric across the travel axis: a plume on the left is as smoky as one on the right.
        if (random.Next(2) == 0) x = x.flip(3);
        var loss = nn.functional.binary_cross_entropy_with_logits(net.forward(x), y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        lossSum += loss.item<float>();
        batches++;
    }
    var scores = Predict(net, set, test);
    var auc = Metrics.Auc(scores, test.Select(i => set.Labels[i]).ToArray());
    history.Add(new { epoch, trainLoss = Math.Round(lossSum / batches, 4), heldOutAuc = Math.Round(auc, 4) });
    Console.Error.WriteLine($"smoke-patch-trainer: epoch {epoch}: loss {lossSum / batches:0.0000}, held-out AUC {auc:0.0000}, {watch.Elapsed.TotalSeconds:0} s");
}

var final = Predict(net, set, test);
var labels = test.Select(i => set.Labels[i]).ToArray();
var command = "smoke-patch-trainer " + string.Join(' ', args);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
OnnxExport.Write(net, set.Channels, set.Size, outPath, command);
var exportError = CheckExport(outPath, set, test.Take(512).ToArray(), final);
if (exportError > 1e-4) throw new InvalidOperationException($"the exported model disagrees with the trained one by up to {exportError}");
var levels = test.Where(i => set.Labels[i]).GroupBy(i => Math.Ceiling(set.Levels[i])).OrderBy(g => g.Key)
    .Select(g => new { levelUpTo = g.Key, frames = g.Count(), recallAt05 = Math.Round(g.Count(i => final[Array.IndexOf(test, i)] >= 0.5f) / (double)g.Count(), 4) });
var report = new
{
    model = outPath,
    command,
    trainedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    input = new { channels = set.Channels, size = set.Size },
    heldOutScenes = heldOut.Order(),
    trainPatches = train.Length,
    testPatches = test.Length,
    testPositives = labels.Count(l => l),
    auc = Math.Round(Metrics.Auc(final, labels), 4),
    accuracyAt05 = Math.Round(labels.Select((l, i) => l == final[i] >= 0.5f).Count(ok => ok) / (double)labels.Length, 4),
    heldOutRecallByLevel = levels,
    exportMaxError = exportError,
    epochs = history,
    seconds = Math.Round(watch.Elapsed.TotalSeconds),
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
File.WriteAllText(metricsPath, json + Environment.NewLine);
Console.WriteLine(json);
return 0;

static (Tensor X, Tensor Y) Batch(PatchSet set, int[] indices)
{
    var length = set.Length;
    var values = new float[indices.Length * length];
    var labels = new float[indices.Length];
    for (var k = 0; k < indices.Length; k++)
    {
        Array.Copy(set.Values, (long)indices[k] * length, values, (long)k * length, length);
        labels[k] = set.Labels[indices[k]] ? 1f : 0f;
    }
    return (torch.tensor(values, [indices.Length, set.Channels, set.Size, set.Size]), torch.tensor(labels, [indices.Length, 1]));
}

static float[] Predict(PatchNet net, PatchSet set, int[] indices)
{
    net.eval();
    var scores = new float[indices.Length];
    using var noGrad = torch.no_grad();
    for (var b = 0; b < indices.Length; b += 1024)
    {
        using var scope = torch.NewDisposeScope();
        var part = indices.AsSpan(b, Math.Min(1024, indices.Length - b)).ToArray();
        var (x, _) = Batch(set, part);
        torch.sigmoid(net.forward(x)).data<float>().ToArray().CopyTo(scores, b);
    }
    return scores;
}

// The largest difference between OnnxRuntime's scores for the exported model and the trained network's.
static double CheckExport(string path, PatchSet set, int[] indices, float[] expected)
{
    using var session = new InferenceSession(path);
    var worst = 0.0;
    for (var k = 0; k < indices.Length; k++)
    {
        var input = new DenseTensor(set.Values.AsMemory((int)((long)indices[k] * set.Length), set.Length), [1, set.Channels, set.Size, set.Size]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("patch", input)]);
        worst = Math.Max(worst, Math.Abs(results[0].AsTensor<float>().GetValue(0) - expected[k]));
    }
    return worst;
}

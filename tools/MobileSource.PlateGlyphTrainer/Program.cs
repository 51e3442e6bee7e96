using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MobileSource.PlateGlyphTrainer;
using MobileSource.SmokePatchTrainer;
using MobileSource.VehicleDetectorTrainer;
using TorchSharp;
using static TorchSharp.torch;

// plate-glyph-trainer --data a.bin[,b.bin] [--province 豫] [--out models/province-glyph.onnx] [--metrics <json>]
//                     [--epochs 40] [--batch 128] [--lr 1e-3] [--seed 1] [--foreign-repeat 1] [--predict c.bin --predictions <csv>]
// Trains the province glyph classifier on the glyphs of `analyze plate-glyphs`: which province's character is this?
// Its classes are the provinces of the training glyphs, the home province first.
// Every fifth scene (in seed order) is held out for the metrics. The network sits at chance for 6-10 epochs before it
// finds the glyphs' shapes (held-out AUC 0.59 at epoch 8, 0.94 at 28), hence the 40 epochs. --predict scores another glyph file (e.g. validation
// scenes) and writes each glyph's probability with the OCR model's readings to --predictions, to weigh the two.
var options = Options.Parse(args);
const string usage = "usage: plate-glyph-trainer --data <file>[,<file>] [--province 豫] [--out models/province-glyph.onnx] [--metrics <json>] [--epochs 40] [--batch 128] [--lr 1e-3] [--seed 1] [--foreign-repeat 1] [--predict <file> --predictions <csv>]";
var dataFiles = options.GetValueOrDefault("--data")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? throw new ArgumentException(usage);
var province = options.GetValueOrDefault("--province") ?? "豫";
if (province.Length != 1) throw new ArgumentException($"--province '{province}' must be one character");
var home = province[0];
var outPath = options.GetValueOrDefault("--out") ?? Path.Combine("models", "province-glyph.onnx");
var metricsPath = options.GetValueOrDefault("--metrics") ?? Path.ChangeExtension(outPath, null) + "-metrics.json";
var epochs = int.Parse(options.GetValueOrDefault("--epochs") ?? "40", CultureInfo.InvariantCulture);
var batchSize = int.Parse(options.GetValueOrDefault("--batch") ?? "128", CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "1", CultureInfo.InvariantCulture);
var learningRate = double.Parse(options.GetValueOrDefault("--lr") ?? "1e-3", CultureInfo.InvariantCulture);
var predictPath = options.GetValueOrDefault("--predict");
var predictionsPath = options.GetValueOrDefault("--predictions");
if (predictPath is not null && predictionsPath is null) throw new ArgumentException("--predict needs --predictions <csv>");

LibTorchSharpCompat.Apply();
torch.manual_seed(seed);
torch.set_num_threads(Environment.ProcessorCount);
var watch = Stopwatch.StartNew();
var glyphs = GlyphSet.Read(dataFiles);
var scenes = glyphs.Select(g => g.Scene).Distinct().Order().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
bool HeldOut(LabelledGlyph g) => scenes[g.Scene] % 5 == 4;
// --foreign-repeat k: every glyph of another province k times an epoch (the shares in the model file count them so).
var foreignRepeat = int.Parse(options.GetValueOrDefault("--foreign-repeat") ?? "1", CultureInfo.InvariantCulture);
if (foreignRepeat < 1) throw new ArgumentException($"--foreign-repeat {foreignRepeat} must be at least 1");
var train = glyphs.Where(g => !HeldOut(g)).SelectMany(g => Enumerable.Repeat(g, g.Truth == home ? 1 : foreignRepeat)).ToArray();
var test = glyphs.Where(HeldOut).ToArray();
if (test.Length == 0) throw new ArgumentException($"{scenes.Count} scenes: every fifth is held out, so at least 5 are needed");
var homeCount = train.Count(g => g.Truth == home);
if (homeCount == 0 || homeCount == train.Length) throw new ArgumentException($"the training glyphs must hold both {home} and other provinces ({homeCount} of {train.Length} are {home})");
var provinces = home + string.Concat(train.Select(g => g.Truth).Where(c => c != home).Distinct().Order());
var unknown = test.Select(g => g.Truth).Where(c => !provinces.Contains(c)).Distinct().ToList();
if (unknown.Count > 0) throw new ArgumentException($"held-out glyphs of provinces never trained on: {string.Concat(unknown)}");
var priorShares = provinces.Select(c => train.Count(g => g.Truth == c) / (double)train.Length).ToArray();
Console.Error.WriteLine($"plate-glyph-trainer: {glyphs.Count} glyphs from {scenes.Count} scenes; {train.Length} to train ({string.Join(", ", provinces.Select((c, i) => $"{c} {priorShares[i]:P1}"))}), {test.Length} held out");

var net = new PatchNet(channels: 1, outputs: provinces.Length);
var optimizer = optim.Adam(net.parameters(), lr: learningRate, weight_decay: 1e-5);
var random = new Random(seed);
var history = new List<object>();
for (var epoch = 1; epoch <= epochs; epoch++)
{
    if (epoch == epochs - epochs / 3 + 1) foreach (var g in optimizer.ParamGroups) g.LearningRate = learningRate / 10;
    net.train();
    random.Shuffle(train);
    double lossSum = 0;
    var batches = 0;
    for (var b = 0; b + batchSize <= train.Length; b += batchSize)
    {
        using var scope = torch.NewDisposeScope();
        var part = train.AsSpan(b, batchSize).ToArray();
        var loss = GlyphBatch.Loss(net.forward(GlyphBatch.Input(part, random)), part, provinces);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        lossSum += loss.item<float>();
        batches++;
    }
    var m = GlyphMetrics.Measure(Predict(net, test), test, provinces);
    history.Add(new { epoch, trainLoss = Math.Round(lossSum / batches, 4), heldOutHomeAuc = m.HomeAuc, heldOutForeignProvince = m.ForeignProvinceAccuracy });
    Console.Error.WriteLine($"plate-glyph-trainer: epoch {epoch}: loss {lossSum / batches:0.0000}, held-out home AUC {m.HomeAuc:0.0000}, {m.HomeAccuracy:0.000} / {m.OtherAccuracy:0.000} right, foreign province {m.ForeignProvinceAccuracy:0.000}, {watch.Elapsed.TotalSeconds:0} s");
}

var metrics = GlyphMetrics.Measure(Predict(net, test), test, provinces);
var command = "plate-glyph-trainer " + string.Join(' ', args);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
PatchOnnxExport.Write(net, outPath, command, "province_glyph", "glyph", new Dictionary<string, string>
{
    ["province"] = province,
    ["provinces"] = provinces,
    ["prior_shares"] = string.Join(',', priorShares.Select(x => x.ToString("R", CultureInfo.InvariantCulture))),
});
var exportError = PatchOnnxExport.MaxDifference(outPath, net, "glyph", GlyphBatch.Input(test.Take(64).ToArray()));
if (exportError > 1e-3) throw new InvalidOperationException($"the exported model disagrees with the trained one by up to {exportError}");
if (predictPath is not null)
{
    var other = GlyphSet.Read([predictPath]).ToArray();
    WritePredictions(predictionsPath!, other, Predict(net, other), provinces);
    Console.Error.WriteLine($"plate-glyph-trainer: {other.Length} glyphs of {predictPath} scored into {predictionsPath}");
}
var report = new
{
    model = outPath,
    command,
    province,
    provinces,
    priorShares = priorShares.Select(x => Math.Round(x, 5)),
    trainedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    trainGlyphs = train.Length,
    trainHome = homeCount,
    testGlyphs = test.Length,
    testHome = test.Count(g => g.Truth == home),
    heldOut = metrics,
    exportMaxError = exportError,
    epochs = history,
    seconds = Math.Round(watch.Elapsed.TotalSeconds),
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
File.WriteAllText(metricsPath, json + Environment.NewLine);
Console.WriteLine(json);
return 0;

static float[][] Predict(PatchNet net, LabelledGlyph[] glyphs)
{
    net.eval();
    using var noGrad = torch.no_grad();
    var result = new float[glyphs.Length][];
    for (var b = 0; b < glyphs.Length; b += 512)
    {
        using var scope = torch.NewDisposeScope();
        var part = glyphs.AsSpan(b, Math.Min(512, glyphs.Length - b)).ToArray();
        var output = nn.functional.softmax(net.forward(GlyphBatch.Input(part)), 1).contiguous().data<float>().ToArray();
        var k = output.Length / part.Length;
        for (var i = 0; i < part.Length; i++) result[b + i] = output.AsSpan(i * k, k).ToArray();
    }
    return result;
}

static void WritePredictions(string path, LabelledGlyph[] glyphs, float[][] p, string provinces)
{
    var csv = new StringBuilder($"scene,vehicle,frame,plate_height,truth,read,ocr_home,ocr_other,{string.Join(',', provinces.Select(c => "p_" + c))}\n");
    for (var i = 0; i < glyphs.Length; i++)
    {
        var g = glyphs[i];
        csv.Append(CultureInfo.InvariantCulture, $"{g.Scene},{g.Vehicle},{g.Frame},{g.PlateHeight},{g.Truth},{g.Read},{g.OcrHome},{g.OcrOther},");
        csv.AppendJoin(',', p[i].Select(x => x.ToString(CultureInfo.InvariantCulture))).Append('\n');
    }
    File.WriteAllText(path, csv.ToString());
}

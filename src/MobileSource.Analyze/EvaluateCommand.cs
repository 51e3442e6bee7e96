using System.Collections.Concurrent;
using System.Diagnostics;
using MobileSource.Analyze.Simulation;
using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze evaluate`: held-out simulator scenes (seeds never used in training) through ffmpeg and the whole analyzer
/// (smoke model and plate reader), captures matched to the truth; precision, recall, Ringelmann MAE and plate
/// exact-match overall and by condition.
/// </summary>
internal static class EvaluateCommand
{
    private sealed record SceneResult(SceneTruth Truth, List<MatchedCapture> Matches, int VehiclesSeen, int DetectFrames, double Seconds);

    public static async Task<int> RunAsync(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (5000, 5023));
        var sceneOptions = RenderCommand.SceneOptionsFrom(options);
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var detectFps = options.Number("--detect-fps", 10, 1, 25);
        var parallel = (int)options.Number("--parallel", 2, 1, 8);
        var detectWidth = (int)options.Number("--detect-width", SourceStream.DefaultMaxDetectWidth, 320, 3840);
        var reportPath = options.Text("--report");
        // Perfect vehicle detection from the truth: an upper bound that shows how much of the gap is detection.
        var truthBoxes = options.Has("--truth-boxes");
        using var vehicleModel = truthBoxes ? null : Components.LoadVehicleDetector(options);
        var analyzerOptions = new StreamAnalyzerOptions
        {
            SmokeThreshold = options.Number("--smoke-threshold", new StreamAnalyzerOptions().SmokeThreshold, 0.01, 0.99),
            MinPositiveFrames = (int)options.Number("--min-positive", 3, 1, 50),
        };
        analyzerOptions = analyzerOptions with
        {
            MinTrackScore = options.Number("--min-track-score", analyzerOptions.MinTrackScore, 0, 0.99),
            TrackThreshold = options.Number("--track-threshold", analyzerOptions.TrackThreshold, 0.01, 0.99),
            MinPositiveShare = options.Number("--min-positive-share", analyzerOptions.MinPositiveShare, 0, 1),
        };
        analyzerOptions = analyzerOptions with { PositiveWindow = (int)options.Number("--window", Math.Max(analyzerOptions.PositiveWindow, analyzerOptions.MinPositiveFrames), 1, 100) };
        analyzerOptions = analyzerOptions with { MinVisibleRegion = options.Number("--min-visible", analyzerOptions.MinVisibleRegion, 0.05, 1) };
        analyzerOptions = analyzerOptions with { RingelmannFrames = (int)options.Number("--ringelmann-frames", analyzerOptions.RingelmannFrames, 1, 100) };
        var models = options.Has("--no-plates") ? null : new PpOcrModels();
        var homeWeight = options.Number("--home-weight", PlateReader.DefaultHomeProvinceWeight, 1, 1e6);
        var homeCityWeight = options.Number("--home-city-weight", PlateReader.DefaultHomeCityWeight, 1, 1e6);
        using var glyphs = models is null ? null : Components.LoadProvinceGlyphs(options);
        var glyphWeight = Components.GlyphWeight(options);
        var plates = models is null ? null : new PlateReader(models, recognizer: new PpOcrRecognizer(models, PlateReader.DefaultHomeProvince, homeWeight,
            PlateReader.DefaultHomeCity, homeCityWeight, glyphs, glyphWeight));
        var results = new ConcurrentBag<SceneResult>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (seed, ct) =>
        {
            var video = await SceneCache.EnsureAsync(work, seed, sceneOptions, detectFps, ct);
            var truth = SceneTruth.FromJson(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(video)!, "truth.json"), ct));
            using var scene = new SimulatedScene(seed, sceneOptions);
            using var smoke = FastTreeSmokeClassifier.Load(options.Text("--model"));
            var run = await VideoRun.RunAsync(video, detectFps, analyzerOptions, smoke, plates, ct: ct, maxDetectWidth: detectWidth,
                vehicleDetector: truthBoxes ? new TruthVehicleDetector(scene) : vehicleModel);
            var matches = CaptureMatcher.Match(scene, run.Captures);
            results.Add(new SceneResult(truth, matches, run.Vehicles, run.DetectFrames, run.Elapsed.TotalSeconds));
            Console.Error.WriteLine($"evaluate: scene {seed}: {matches.Count(m => m.TruePositive)} true / {matches.Count(m => !m.TruePositive)} false captures, "
                                    + $"{truth.Vehicles.Count(v => v.Smoky)} smoky, {run.Vehicles} vehicles seen of {truth.Vehicles.Count} ({run.Elapsed.TotalSeconds:0} s)");
        });
        models?.Dispose();
        var all = results.OrderBy(r => r.Truth.Seed).ToList();
        var report = new
        {
            command = $"analyze evaluate --seeds {first}-{last} --vehicles {sceneOptions.Vehicles} --size {sceneOptions.Width}x{sceneOptions.Height} --smoky-share {sceneOptions.SmokyShare} --min-visible {analyzerOptions.MinVisibleRegion} --detect-fps {detectFps} --detect-width {detectWidth} --smoke-threshold {analyzerOptions.SmokeThreshold} --min-positive {analyzerOptions.MinPositiveFrames} --window {analyzerOptions.PositiveWindow} --min-track-score {analyzerOptions.MinTrackScore} --track-threshold {analyzerOptions.TrackThreshold} --min-positive-share {analyzerOptions.MinPositiveShare} --ringelmann-frames {analyzerOptions.RingelmannFrames} --home-weight {homeWeight} --home-city-weight {homeCityWeight}{(glyphs is null ? " --glyph-model none" : $" --glyph-model {options.Text("--glyph-model") ?? ProvinceGlyphModel.FileName} --glyph-weight {glyphWeight}")}{(truthBoxes ? " --truth-boxes" : Components.VehicleDetection(options))}",
            scenes = all.Count,
            overall = Summarise(all, _ => true),
            // Recall over the smoky vehicles whose plume core was in view, unhidden, for at least half a second: smoke no
            // camera could see (always below the frame, or behind the truck that follows) is reported apart, not hidden.
            smokeInView = Summarise(all, v => !v.Smoky || SmokeInView(v, all)),
            smokyNeverInView = all.Sum(r => r.Truth.Vehicles.Count(v => v.Smoky && !SmokeInView(v, all))),
            byLighting = all.GroupBy(r => r.Truth.Lighting).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Summarise(g.ToList(), _ => true)),
            byShadows = all.GroupBy(r => r.Truth.Shadows ? "shadows" : "noShadows").ToDictionary(g => g.Key, g => Summarise(g.ToList(), _ => true)),
            recallByLevel = Enumerable.Range(1, 4).ToDictionary(l => $"L{l}-{l + 1}", l => Summarise(all, v => v.Ringelmann >= l && v.Ringelmann < l + 1).Recall),
            seconds = Math.Round(watch.Elapsed.TotalSeconds),
            falseCaptures = all.SelectMany(r => r.Matches.Where(m => !m.TruePositive).Select(m => new
            {
                seed = r.Truth.Seed, m.Capture.Plate, m.Capture.Ringelmann, m.Capture.SmokeScore, m.Capture.FirstFrame, m.Capture.LastFrame, m.Capture.VehicleClass,
                vehicle = m.Vehicle?.Id, kind = m.Vehicle?.Kind, m.Duplicate,
            })),
            captures = all.SelectMany(r => r.Matches.Select(m => new
            {
                seed = r.Truth.Seed, vehicle = m.Vehicle?.Id, kind = m.Vehicle?.Kind, truth = m.Vehicle?.Ringelmann, m.TruePositive, m.Duplicate,
                m.Capture.Ringelmann, m.Capture.SmokeScore, m.Capture.MeasuredFrames, m.Capture.PositiveFrames, m.Capture.VehicleClass,
                m.Capture.Plate, m.Capture.PlateConfidence, truthPlate = m.Vehicle?.Plate,
            })),
            missed = all.SelectMany(r => r.Truth.Vehicles.Where(v => v.Smoky && !r.Matches.Any(m => m.TruePositive && m.Vehicle!.Id == v.Id))
                .Select(v => new { seed = r.Truth.Seed, v.Id, v.Plate, v.Kind, v.Ringelmann, v.FirstFrame, v.LastFrame, v.SmokeVisibleFrames })),
        };
        var json = Json.Write(report);
        if (reportPath is not null) await File.WriteAllTextAsync(reportPath, json);
        Console.WriteLine(json);
        return 0;
    }

    private static bool SmokeInView(TruthVehicle v, IReadOnlyList<SceneResult> scenes) =>
        v.SmokeVisibleFrames >= (scenes.Count == 0 ? 1 : scenes[0].Truth.Fps) / 2;

    internal sealed record Summary(int Vehicles, int Smoky, int Captures, int TruePositives, double Precision, double Recall,
        double RingelmannMae, double PlateExactMatch, int VehiclesSeen);

    private static Summary Summarise(IReadOnlyList<SceneResult> scenes, Func<TruthVehicle, bool> which)
    {
        var smoky = scenes.Sum(r => r.Truth.Vehicles.Count(v => v.Smoky && which(v)));
        var tps = scenes.SelectMany(r => r.Matches.Where(m => m.TruePositive && which(m.Vehicle!))).ToList();
        var captures = scenes.Sum(r => r.Matches.Count);
        // Precision is over every capture whichever vehicles the recall counts.
        var allTruePositives = scenes.Sum(r => r.Matches.Count(m => m.TruePositive));
        return new Summary(
            scenes.Sum(r => r.Truth.Vehicles.Count), smoky, captures, tps.Count,
            captures == 0 ? 0 : Math.Round(allTruePositives / (double)captures, 4),
            smoky == 0 ? 0 : Math.Round(tps.Count / (double)smoky, 4),
            tps.Count == 0 ? 0 : Math.Round(tps.Average(m => Math.Abs(m.Capture.Ringelmann - m.Vehicle!.Ringelmann)), 4),
            tps.Count == 0 ? 0 : Math.Round(tps.Count(m => m.Capture.Plate == m.Vehicle!.Plate) / (double)tps.Count, 4),
            scenes.Sum(r => r.VehiclesSeen));
    }
}

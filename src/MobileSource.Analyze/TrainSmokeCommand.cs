using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MobileSource.Analyze.Simulation;
using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze train-smoke`: renders simulator scenes (seed range A), runs the analyzer without a model to collect the
/// features of every tracked vehicle's region on every frame, labels them from the scene's truth (the track's vehicle
/// smokes and its plume core is in the region: smoke; no plume core of any smoky vehicle there: no smoke; otherwise
/// ambiguous and left out), trains FastTree and measures it on whole scenes held out (every fifth seed).
/// </summary>
internal static class TrainSmokeCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (1000, 1059));
        var sceneOptions = RenderCommand.SceneOptionsFrom(options);
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var detectFps = options.Number("--detect-fps", 10, 1, 25);
        var modelPath = options.Text("--out") ?? Path.Combine("models", "smoke-model.zip");
        var metricsPath = options.Text("--metrics") ?? Path.Combine(Path.GetDirectoryName(modelPath) ?? ".", "smoke-metrics.json");
        var samplesPath = options.Text("--samples");
        var minVisible = options.Number("--min-visible", new StreamAnalyzerOptions().MinVisibleRegion, 0.05, 1);
        var watch = Stopwatch.StartNew();
        var jobs = Jobs(options);
        var moreSeeds = options.Text("--more-seeds");
        var moreSize = options.Text("--more-size") ?? "1280x720";
        var moreVehicles = options.Text("--more-vehicles") ?? sceneOptions.Vehicles.ToString(CultureInfo.InvariantCulture);
        var samples = new ConcurrentBag<SmokeSample>();
        var tracks = new ConcurrentBag<TrackFrames>();
        // The models learn from the regions the deployed detection gives.
        using var vehicles = Components.LoadVehicleDetector(options);
        // With the smoke patch network: --patch-models a.onnx,b.onnx, network k trained without the scenes whose index
        // (in seed order) mod 2 is k (smoke-patch-trainer --exclude-fold k/2), so every scene is read by the network
        // that never saw it and the frame model learns how far to trust it on new scenes.
        var patchModels = (options.Text("--patch-models")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []).Select(SmokePatchModel.Load).ToList();
        if (patchModels.Count is not (0 or 2)) throw new UsageException("--patch-models takes two networks, a.onnx,b.onnx (see models/README.md)");
        // The network deployed with the frame model (trained on all the training scenes): --patch-model c.onnx.
        var deployedPatchModel = options.Text("--patch-model");
        if (patchModels.Count > 0 != deployedPatchModel is not null) throw new UsageException("--patch-models and --patch-model go together");
        var sceneIndex = jobs.Select(j => j.Seed).Distinct().Order().Select((seed, i) => (seed, i)).ToDictionary(x => x.seed, x => x.i);
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (job, ct) =>
        {
            var patchModel = patchModels.Count == 0 ? null : patchModels[sceneIndex[job.Seed] % 2];
            var collected = await CollectAsync(job.Seed, job.Options, work, detectFps, ct, minVisible, vehicles, patchModel: patchModel);
            foreach (var s in collected.Samples) samples.Add(s);
            foreach (var t in collected.Tracks) tracks.Add(t);
        });
        var all = samples.OrderBy(s => s.Scene, StringComparer.Ordinal).ToList();
        if (samplesPath is not null) WriteSamples(all, samplesPath);
        // Every fifth scene of each range is held out.
        var testScenes = jobs.Select((j, i) => (j.Seed, i)).Where(x => x.i % 5 == 4).Select(x => x.Seed.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        // --patch-inputs level: the patch network's readings go to the level models only; the smoke and track models
        // learn without them (they decide exactly as a model trained without the network would).
        var patchInputs = options.Text("--patch-inputs") ?? "all";
        if (patchInputs is not ("all" or "level")) throw new UsageException($"--patch-inputs is all or level, not '{patchInputs}'");
        Func<float[], float[]> detectionView = patchInputs == "level" ? SmokeFeatures.WithoutPatch : f => f;
        var metrics = SmokeModelTrainer.TrainAndSave(all.Select(s => s.WithFeatures(detectionView(s.Features))).ToList(), testScenes, modelPath);
        var modelDirectory = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        foreach (var m in patchModels) m.Dispose();
        // The frame model reads the network's inputs only when it was trained with them: no stale network beside it.
        var patchPath = Path.Combine(modelDirectory, SmokePatchModel.FileName);
        if (deployedPatchModel is null) File.Delete(patchPath);
        else if (Path.GetFullPath(deployedPatchModel) != patchPath) File.Copy(deployedPatchModel, patchPath, overwrite: true);
        new SmokeModelInputs(SmokePatchNetwork: deployedPatchModel is not null).Save(Path.Combine(modelDirectory, SmokeModelInputs.FileName));
        var levelPath = Path.Combine(modelDirectory, FastTreeSmokeClassifier.LevelFileName);
        var level = SmokeModelTrainer.TrainLevelAndSave(all, testScenes, levelPath);
        var trackPath = Path.Combine(modelDirectory, FastTreeSmokeClassifier.TrackFileName);
        var (trackSamples, trackLevels, trackLevelSamples) = TrackSamples.Build(all, tracks.OrderBy(t => t.Scene, StringComparer.Ordinal).ThenBy(t => t.TrackId).ToList(), testScenes, detectionView);
        var track = TrackModelTrainer.TrainAndSave(trackSamples, testScenes, trackPath);
        var calibration = RingelmannCalibration.Fit(trackLevels.Where(t => !testScenes.Contains(t.Scene)).Select(t => (t.Measured, t.Truth)).ToList());
        calibration.Save(Path.Combine(modelDirectory, RingelmannCalibration.FileName));
        var heldOutLevels = trackLevels.Where(t => testScenes.Contains(t.Scene)).ToList();
        double TrackMae(Func<double, double> f) => heldOutLevels.Count == 0 ? double.NaN
            : heldOutLevels.Average(t => Math.Abs(RingelmannScale.Quantize(f(t.Measured)) - t.Truth));
        // The track level model replaces the calibration only where it reads the held-out scenes' decision points better
        // than the calibrated median does on the same points.
        var trackLevelPath = Path.Combine(modelDirectory, FastTreeSmokeClassifier.TrackLevelFileName);
        var trackLevelModel = TrackLevelModelTrainer.Train(trackLevelSamples, testScenes);
        var calibratedAtDecisions = trackLevelSamples.Where(s => testScenes.Contains(s.Scene))
            .Select(s => Math.Abs(RingelmannScale.Quantize(calibration.Apply(s.Features[TrackLevelFeatures.Median])) - s.Level)).DefaultIfEmpty(double.NaN).Average();
        var useTrackLevel = trackLevelModel.Mae < calibratedAtDecisions;
        if (useTrackLevel) TrackLevelModelTrainer.Save(trackLevelModel.Model, trackLevelModel.Schema, trackLevelPath);
        else File.Delete(trackLevelPath);
        var report = new
        {
            model = modelPath,
            command = $"analyze train-smoke --seeds {first}-{last} --vehicles {sceneOptions.Vehicles} --size {sceneOptions.Width}x{sceneOptions.Height} --smoky-share {sceneOptions.SmokyShare} --detect-fps {detectFps} --min-visible {minVisible}"
                      + (moreSeeds is null ? "" : $" --more-seeds {moreSeeds} --more-size {moreSize} --more-vehicles {moreVehicles}")
                      + (deployedPatchModel is null ? "" : $" --patch-models {options.Text("--patch-models")} --patch-model {deployedPatchModel} --patch-inputs {patchInputs}")
                      + Components.VehicleDetection(options),
            trainedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            seeds = $"{first}-{last}",
            heldOutScenes = metrics.TestScenes,
            trainSamples = metrics.TrainSamples,
            testSamples = metrics.TestSamples,
            testPositives = metrics.TestPositives,
            auc = Math.Round(metrics.Auc, 4),
            accuracy = Math.Round(metrics.Accuracy, 4),
            precision = Math.Round(metrics.Precision, 4),
            recall = Math.Round(metrics.Recall, 4),
            f1 = Math.Round(metrics.F1, 4),
            ringelmannModel = levelPath,
            ringelmannTrainFrames = level.Train,
            ringelmannTestFrames = level.Test,
            ringelmannFrameMae = Math.Round(level.FrameMae, 4),
            ringelmannCalibration = new { calibration.Intercept, calibration.Slope },
            ringelmannHeldOutTracks = heldOutLevels.Count,
            ringelmannTrackMaeUncalibrated = Math.Round(TrackMae(x => x), 4),
            ringelmannTrackMaeCalibrated = Math.Round(TrackMae(calibration.Apply), 4),
            trackLevelModel = useTrackLevel ? trackLevelPath : null,
            trackLevelTrainSamples = trackLevelModel.Train,
            trackLevelTestSamples = trackLevelModel.Test,
            trackLevelMaeCalibratedMedian = Math.Round(calibratedAtDecisions, 4),
            trackLevelMaeModel = Math.Round(trackLevelModel.Mae, 4),
            trackLevelFeatures = TrackLevelFeatures.Names,
            trackModel = trackPath,
            trackTrainSamples = track.TrainSamples,
            trackTestSamples = track.TestSamples,
            trackTestPositives = track.TestPositives,
            trackAuc = Math.Round(track.Auc, 4),
            trackPrecision = Math.Round(track.Precision, 4),
            trackRecall = Math.Round(track.Recall, 4),
            features = SmokeFeatures.Names,
            trackFeatures = TrackSmokeFeatures.Names,
            seconds = Math.Round(watch.Elapsed.TotalSeconds),
        };
        await File.WriteAllTextAsync(metricsPath, Json.Write(report));
        Console.WriteLine(Json.Write(report));
        return 0;
    }

    /// <summary>
    /// The scenes to learn from: --seeds at --size, and optionally --more-seeds a-b at --more-size WxH with --more-vehicles
    /// n. The features of a frame downscaled from 1280x720 are not those of one from 640x360 (noise, compression), so the
    /// models should see the sizes cameras run at.
    /// </summary>
    internal static List<(int Seed, SceneOptions Options)> Jobs(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (1000, 1059));
        var sceneOptions = RenderCommand.SceneOptionsFrom(options);
        var jobs = Enumerable.Range(first, last - first + 1).Select(s => (Seed: s, Options: sceneOptions)).ToList();
        if (options.Text("--more-seeds") is null) return jobs;
        var (moreFirst, moreLast) = options.Range("--more-seeds", (0, 0));
        var size = RenderCommand.SceneOptionsFrom(options.With("--size", options.Text("--more-size") ?? "1280x720")
            .With("--vehicles", options.Text("--more-vehicles") ?? sceneOptions.Vehicles.ToString(CultureInfo.InvariantCulture)));
        jobs.AddRange(Enumerable.Range(moreFirst, moreLast - moreFirst + 1).Select(s => (Seed: s, Options: size)));
        return jobs;
    }

    /// <summary>
    /// One scene's labelled frame samples, and every track's measured frames in order with whether the vehicle the track
    /// is mostly on smokes (the track model's label).
    /// </summary>
    internal sealed record SceneCollection(List<SmokeSample> Samples, List<TrackFrames> Tracks);

    internal static async Task<SceneCollection> CollectAsync(int seed, SceneOptions sceneOptions, string work, double detectFps, CancellationToken ct, double? minVisible = null,
        IVehicleDetector? vehicleDetector = null, bool recordPatches = false, ISmokeClassifier? classifier = null, SmokePatchModel? patchModel = null)
    {
        var video = await SceneCache.EnsureAsync(work, seed, sceneOptions, detectFps, ct);
        using var scene = new SimulatedScene(seed, sceneOptions);
        var observations = new List<SmokeObservation>();
        var analyzerOptions = new StreamAnalyzerOptions { RecordSmokePatches = recordPatches };
        if (minVisible is { } mv) analyzerOptions = analyzerOptions with { MinVisibleRegion = mv };
        var run = await VideoRun.RunAsync(video, detectFps, analyzerOptions, classifier, null, observations.Add, ct, vehicleDetector: vehicleDetector, patchModel: patchModel);
        var samples = new List<SmokeSample>();
        var name = seed.ToString(CultureInfo.InvariantCulture);
        int positives = 0, skipped = 0;
        foreach (var o in observations)
        {
            var (labelled, level) = Label(scene, InScene(scene, o, run.DetectWidth));
            if (labelled is not { } label) { skipped++; continue; }
            if (label) positives++;
            samples.Add(new SmokeSample { Features = o.Features, Label = label, Scene = name, Level = level, Patch = o.Patch, DetectWidth = run.DetectWidth, ModelScore = o.Score });
        }
        var tracks = observations.GroupBy(o => o.TrackId).Select(g =>
        {
            var vehicle = g.Select(o => InScene(scene, o, run.DetectWidth))
                .Select(o => scene.VehicleAt(o.VehicleBox, scene.SourceFrame(o.SourceTime), CaptureMatcher.MinIoU))
                .Where(v => v is not null).GroupBy(v => v!.Id).MaxBy(v => v.Count())?.First();
            return new TrackFrames(name, g.Key, vehicle is { Smoky: true }, vehicle is { Smoky: true } ? (float)vehicle.Ringelmann : 0f,
                g.OrderBy(o => o.FrameIndex).Select(o => o.Features).ToList());
        }).ToList();
        Console.Error.WriteLine($"train-smoke: scene {seed}: {run.DetectFrames} frames, {run.Vehicles} vehicles seen of {scene.Spec.Vehicles.Count}, "
                                + $"{samples.Count} samples ({positives} smoke, {skipped} ambiguous left out), {tracks.Count} measured tracks, {run.Elapsed.TotalSeconds:0.0} s");
        return new SceneCollection(samples, tracks);
    }

    /// <summary>
    /// Smoke, no smoke, or null when the truth does not say clearly. A clean vehicle driving through the plume another
    /// vehicle left is "no smoke": the smoke in its region is not its own, and a capture of it would be wrong.
    /// </summary>
    internal static (bool? Label, float Level) Label(SimulatedScene scene, SmokeObservation o)
    {
        var frame = scene.SourceFrame(o.SourceTime);
        var grown = Grow(o.Region, 0.15);
        var plumes = scene.Spec.Vehicles.Where(v => v.Smoky && frame >= v.FirstFrame && frame <= v.LastFrame
                                                    && scene.PlumeTrail(v, frame).Any(grown.Contains)).ToList();
        if (plumes.Count == 0) return (false, 0f);
        // The plume is this track's when the track's box lies mostly on that vehicle's body.
        foreach (var v in plumes)
        {
            if (scene.BodyBox(v, frame) is not { } body) continue;
            var overlap = body & o.VehicleBox;
            if (overlap.Width > 0 && overlap.Height > 0 && overlap.Width * overlap.Height >= 0.5 * o.VehicleBox.Width * o.VehicleBox.Height)
                return (true, (float)v.Ringelmann);
        }
        return scene.VehicleAt(o.VehicleBox, frame, 0.5) is { Smoky: false } ? (false, 0f) : (null, 0f);
    }

    /// <summary>The observation's boxes in the scene's pixels (the analyzer detects a 1920x1080 scene at 1280x720).</summary>
    internal static SmokeObservation InScene(SimulatedScene scene, SmokeObservation o, int detectWidth) =>
        o with { VehicleBox = scene.ToScene(o.VehicleBox, detectWidth), Region = scene.ToScene(o.Region, detectWidth) };

    private static Point ToPoint(Point2f p) => new((int)p.X, (int)p.Y);

    private static Rect Grow(Rect r, double f)
    {
        var dx = (int)(r.Width * f);
        var dy = (int)(r.Height * f);
        return new Rect(r.X - dx, r.Y - dy, r.Width + 2 * dx, r.Height + 2 * dy);
    }

    private static void WriteSamples(IReadOnlyList<SmokeSample> samples, string path)
    {
        var sb = new StringBuilder();
        sb.AppendLine("scene,label,level," + string.Join(',', SmokeFeatures.Names));
        foreach (var s in samples)
            sb.AppendLine($"{s.Scene},{(s.Label ? 1 : 0)},{s.Level.ToString(CultureInfo.InvariantCulture)}," + string.Join(',', s.Features.Select(f => f.ToString("0.####", CultureInfo.InvariantCulture))));
        File.WriteAllText(path, sb.ToString());
    }
}

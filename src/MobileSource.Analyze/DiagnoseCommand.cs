using System.Collections.Concurrent;
using MobileSource.Analyze.Simulation;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze diagnose --seeds a-b --model m.zip`: why smoky vehicles are missed (use training seeds, not evaluation
/// seeds). Per smoky vehicle: tracks on its body, measured frames, frames whose region holds its plume (the training
/// label), frames the model scored positive, and the stage at which it was lost.
/// </summary>
internal static class DiagnoseCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (1000, 1009));
        var sceneOptions = RenderCommand.SceneOptionsFrom(options);
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var threshold = options.Number("--smoke-threshold", 0.5, 0.01, 0.99);
        var stages = new ConcurrentDictionary<string, int>();
        var lines = new ConcurrentBag<string>();
        var fits = new ConcurrentDictionary<string, int>();
        using var vehicles = Components.LoadVehicleDetector(options);
        await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (seed, ct) =>
        {
            var video = await SceneCache.EnsureAsync(work, seed, sceneOptions, 10, ct);
            using var scene = new SimulatedScene(seed, sceneOptions);
            using var model = FastTreeSmokeClassifier.Load(options.Text("--model"));
            var observations = new List<SmokeObservation>();
            var run = await VideoRun.RunAsync(video, 10, new StreamAnalyzerOptions { SmokeThreshold = threshold }, model, null, observations.Add, ct,
                vehicleDetector: vehicles);
            var byVehicle = observations.Select(o => TrainSmokeCommand.InScene(scene, o, run.DetectWidth))
                .Select(o => (o, v: scene.VehicleOf(o.VehicleBox, scene.SourceFrame(o.SourceTime), CaptureMatcher.MinIoU)))
                .Where(x => x.v is not null).GroupBy(x => x.v!.Id).ToDictionary(g => g.Key, g => g.Select(x => x.o).ToList());
            foreach (var v in scene.Spec.Vehicles)
            {
                var obs = byVehicle.GetValueOrDefault(v.Id) ?? [];
                var tracks = obs.Select(o => o.TrackId).Distinct().Count();
                var labelled = obs.Count(o => TrainSmokeCommand.Label(scene, o).Label == true);
                var positive = obs.Where(o => o.Score >= threshold).ToList();
                var bestTrack = positive.GroupBy(o => o.TrackId).Select(g => g.Count()).DefaultIfEmpty(0).Max();
                var captured = run.Captures.Any(c => c.FirstTime <= TimeSpan.FromSeconds(v.LastFrame / (double)scene.Spec.Fps)
                                                     && c.LastTime >= TimeSpan.FromSeconds(v.FirstFrame / (double)scene.Spec.Fps)
                                                     && positive.Count > 0);
                string stage;
                if (!v.Smoky) stage = bestTrack >= 3 ? "clean:>=3 positive on one track" : positive.Count > 0 ? "clean:1-2 positive" : "clean:none";
                else if (obs.Count == 0) stage = "smoky:never measured";
                else if (labelled == 0) stage = "smoky:plume never in region";
                else if (positive.Count == 0) stage = "smoky:no positive frame";
                else if (bestTrack < 3) stage = positive.Count >= 3 ? "smoky:positives split over tracks" : "smoky:1-2 positive";
                else stage = "smoky:>=3 positive on one track";
                stages.AddOrUpdate(stage, 1, (_, n) => n + 1);
                var fit = BoxFit(scene, v, obs, fits);
                if (v.Smoky)
                {
                    // The scores (in %) of the track with the most positive frames, in order: why its gates passed or failed.
                    var bestTrackId = positive.GroupBy(p => p.TrackId).MaxBy(g => g.Count())?.Key;
                    var seq = string.Join(' ', obs.Where(o => o.TrackId == bestTrackId).Select(o => ((int)(o.Score * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    lines.Add($"{seed} v{v.Id} {v.Kind} L{v.Ringelmann} frames {v.FirstFrame}-{v.LastFrame}: tracks {tracks}, measured {obs.Count}, labelled {labelled}, positive {positive.Count} (best track {bestTrack}) captured {captured} box {fit} -> {stage} [{seq}]");
                }
            }
        });
        foreach (var (k, n) in fits.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Console.WriteLine($"box {k}: {n}");
        foreach (var l in lines.OrderBy(l => l, StringComparer.Ordinal)) Console.WriteLine(l);
        foreach (var (k, n) in stages.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Console.WriteLine($"{k}: {n}");
        return 0;
    }

    /// <summary>
    /// How the measured track boxes fit the vehicle's body: ok, low (the box reaches well below the body: plume or
    /// shadow joined), high (the box ends well above the body's bottom: only the roof), wide (another vehicle joined).
    /// Counts per measured frame, as "ok/low/high/wide", and adds them to <paramref name="fits"/> by smoky or clean.
    /// </summary>
    private static string BoxFit(SimulatedScene scene, MobileSource.HardwareSim.Camera.VehicleSpec v, List<SmokeObservation> obs,
        ConcurrentDictionary<string, int> fits)
    {
        int ok = 0, low = 0, high = 0, wide = 0;
        foreach (var o in obs)
        {
            if (scene.BodyBox(v, scene.SourceFrame(o.SourceTime)) is not { } body) continue;
            var box = o.VehicleBox;
            if (box.Width > 1.35 * body.Width) wide++;
            else if (box.Bottom > body.Bottom + 0.2 * body.Height) low++;
            else if (box.Bottom < body.Bottom - 0.2 * body.Height) high++;
            else ok++;
        }
        foreach (var (k, n) in new[] { ("ok", ok), ("low", low), ("high", high), ("wide", wide) })
            fits.AddOrUpdate((v.Smoky ? "smoky " : "clean ") + k, n, (_, m) => m + n);
        return $"{ok}/{low}/{high}/{wide}";
    }
}

using System.Globalization;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze smoke-patches`: the labelled regions `train-smoke` learns from (same scenes, same detection, same labels),
/// as <see cref="SmokePatchFile"/> pictures for the smoke patch network.
/// </summary>
internal static class SmokePatchesCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var outPath = options.Text("--out") ?? throw new UsageException("smoke-patches needs --out <file>");
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var jobs = TrainSmokeCommand.Jobs(options);
        using var vehicles = Components.LoadVehicleDetector(options);
        // The frame model's scores go along, to compare the network with it on the same held-out regions.
        using var model = options.Text("--model") is { } modelPath ? FastTreeSmokeClassifier.Load(modelPath) : null;
        using var file = new SmokePatchFile(File.Create(outPath));
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (job, ct) =>
        {
            var collected = await TrainSmokeCommand.CollectAsync(job.Seed, job.Options, work, 10, ct, vehicleDetector: vehicles, recordPatches: true, classifier: model);
            foreach (var s in collected.Samples) file.Write(job.Seed, s);
        });
        Console.Error.WriteLine($"smoke-patches: {file.Regions.ToString(CultureInfo.InvariantCulture)} regions of {jobs.Count} scenes written to {outPath}");
        return 0;
    }
}

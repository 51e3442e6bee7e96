using MobileSource.Analyze.Simulation;
using MobileSource.HardwareSim.Camera;

namespace MobileSource.Analyze;

/// <summary>`analyze render-scenes`: fills the scene cache ahead of train-smoke / evaluate (they render what is missing themselves).</summary>
internal static class RenderCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (5000, 5023));
        var scene = SceneOptionsFrom(options);
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var fps = options.Number("--detect-fps", 10, 1, 25);
        var parallel = (int)options.Number("--parallel", 1, 1, 8);
        await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (seed, ct) =>
        {
            var path = await SceneCache.EnsureAsync(work, seed, scene, fps, ct);
            Console.Error.WriteLine($"render-scenes: {path}");
        });
        return 0;
    }

    public static SceneOptions SceneOptionsFrom(CliOptions options)
    {
        var size = options.Text("--size") ?? "1280x720";
        var parts = size.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var w) || !int.TryParse(parts[1], out var h))
            throw new UsageException($"--size must look like 1280x720, got '{size}'");
        return new SceneOptions
        {
            Vehicles = (int)options.Number("--vehicles", 14, 1, 200), Width = w, Height = h,
            SmokyShare = options.Number("--smoky-share", 0.4, 0, 1),
        };
    }
}

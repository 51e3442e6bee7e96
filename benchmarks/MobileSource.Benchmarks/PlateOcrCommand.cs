using System.Diagnostics;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Tests.Plates;
using OpenCvSharp;

namespace MobileSource.Benchmarks;

/// <summary>
/// plate-ocr [--count 240] [--seed 20261129] [--threads 1] [--channel-order rgb|bgr] [--no-pad] [--home 豫 --home-weight 1000 (1: no prior)] [--home-city F --home-city-weight 20 (1: none)] [--glyph-model models/province-glyph.onnx|none] [--glyph-weight 2] [--warmup 20]:
/// the generated plate set of the Vision tests (simulator-rendered plates, 22-50 px, one degradation each, in a
/// vehicle-like scene). Times recognition of the plate crop alone, colour/shape locating alone, and locate+read of
/// the whole vehicle region, one call at a time; wall clock per call and process CPU time per call; prints the
/// exact-match rate, the machine and its load average.
/// </summary>
internal static class PlateOcrCommand
{
    public static int Run(CommandOptions options)
    {
        var count = options.Number("count", 240);
        var seed = options.Number("seed", 20261129);
        var threads = options.Number("threads", 1);
        var warmup = options.Number("warmup", 20);
        var order = options.Text("channel-order") ?? "rgb";
        if (order is not ("rgb" or "bgr"))
        {
            Console.Error.WriteLine($"--channel-order must be rgb or bgr, got '{order}'");
            return 1;
        }

        var samples = PlateSamples.Generate(seed, count).ToList();
        using var models = new PpOcrModels(intraOpThreads: threads);
        var pad = !options.Flag("no-pad");
        var homeWeight = options.Number("home-weight", (int)PlateReader.DefaultHomeProvinceWeight);
        char? home = homeWeight > 1 ? (options.Text("home") ?? "豫")[0] : null;
        var cityWeight = options.Number("home-city-weight", (int)PlateReader.DefaultHomeCityWeight);
        char? city = home is not null && cityWeight > 1 ? (options.Text("home-city") ?? PlateReader.DefaultHomeCity.ToString())[0] : null;
        var glyphPath = options.Text("glyph-model") ?? ProvinceGlyphModel.DefaultPath;
        using var glyphs = home is null || glyphPath == "none" ? null : ProvinceGlyphModel.Load(glyphPath);
        var glyphWeight = options.Number("glyph-weight", (int)PlateReader.DefaultGlyphWeight);
        var recognizer = new PpOcrRecognizer(models, home, homeWeight, city, cityWeight, glyphs, glyphWeight) { SwapToRgb = order == "rgb", PadToFullWidth = pad };
        var reader = new PlateReader(models, recognizer: recognizer);
        var locator = new PlateLocator();
        var crops = samples.Select(s => s.Image[s.PlateBox].Clone()).ToList();

        foreach (var i in Enumerable.Range(0, Math.Min(warmup, count)))
        {
            recognizer.Recognize(crops[i]);
            reader.Read(samples[i].Image, Whole(samples[i].Image));
        }

        // Three passes, each timed per call (wall clock) and in total as this process's CPU time: on a shared
        // machine the wall clock includes waiting for a core, the CPU time does not.
        var (recognise, recogniseCpu) = Pass(count, i => recognizer.Recognize(crops[i]));
        var (locate, locateCpu) = Pass(count, i => locator.Locate(samples[i].Image));
        var exact = 0;
        var (read, readCpu) = Pass(count, i => exact += reader.Read(samples[i].Image, Whole(samples[i].Image))?.Text == samples[i].Plate ? 1 : 0);

        var regions = samples.Select(s => s.Image.Width * s.Image.Height).Order().ToList();
        Console.WriteLine($"plate-ocr: {count} plates (seed {seed}), ONNX Runtime intra-op threads {threads}, channel order {order}, {(pad ? "padded to 320" : "unpadded")}, home-province prior {(home is null ? "none" : $"{home} x{homeWeight}")}, home-city prior {(city is null ? "none" : $"{home}{city} x{cityWeight} more")}, province glyph classifier {(glyphs is null ? "none" : $"{glyphPath} ^{glyphWeight}")}, warm-up {warmup}");
        Console.WriteLine($"  machine: {MachineInfo.Describe()}");
        Console.WriteLine($"  vehicle regions: median {Math.Sqrt(regions[count / 2]):F0} px square-equivalent; plate crops {samples.Min(s => s.PlateBox.Height)}-{samples.Max(s => s.PlateBox.Height)} px tall");
        Console.WriteLine($"  load average (1, 5, 15 min) at the end: {LoadAverage()}");
        Console.WriteLine($"  recognise plate crop : {Summary(recognise)}; CPU {recogniseCpu:F2} ms/call");
        Console.WriteLine($"  locate by colour     : {Summary(locate)}; CPU {locateCpu:F2} ms/call");
        Console.WriteLine($"  locate + read region : {Summary(read)}; CPU {readCpu:F2} ms/call");
        Console.WriteLine($"  exact match: {exact}/{count} = {exact / (double)count:P1}");
        samples.ForEach(s => s.Dispose());
        crops.ForEach(c => c.Dispose());
        return 0;
    }

    /// <summary>Wall-clock milliseconds of each call, and the process CPU milliseconds per call over the pass.</summary>
    private static (List<double> WallMs, double CpuMsPerCall) Pass(int count, Action<int> call)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = new List<double>(count);
        var watch = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            watch.Restart();
            call(i);
            wall.Add(watch.Elapsed.TotalMilliseconds);
        }
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static Rect Whole(Mat image) => new(0, 0, image.Width, image.Height);

    private static string Summary(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
        return $"mean {ms.Average():F2} ms, p50 {At(0.5):F2}, p95 {At(0.95):F2}, max {sorted[^1]:F2}";
    }
}

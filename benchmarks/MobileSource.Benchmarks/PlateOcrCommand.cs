using System.Diagnostics;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Tests.Plates;
using OpenCvSharp;

namespace MobileSource.Benchmarks;

/// <summary>
/// plate-ocr [--count 240] [--seed 20261129] [--threads 1] [--channel-order rgb|bgr] [--no-pad] [--home 豫 --home-weight 50 (1: no prior)] [--warmup 20]:
/// the generated plate set of the Vision tests (simulator-rendered plates, 22-50 px, one degradation each, in a
/// vehicle-like scene). Times recognition of the plate crop alone, colour/shape locating alone, and locate+read of
/// the whole vehicle region, one call at a time on one thread; prints the exact-match rate and the machine.
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
        var recognizer = new PpOcrRecognizer(models, home, homeWeight) { SwapToRgb = order == "rgb", PadToFullWidth = pad };
        var reader = new PlateReader(models, recognizer: recognizer);
        var locator = new PlateLocator();
        var crops = samples.Select(s => s.Image[s.PlateBox].Clone()).ToList();

        foreach (var i in Enumerable.Range(0, Math.Min(warmup, count)))
        {
            recognizer.Recognize(crops[i]);
            reader.Read(samples[i].Image, Whole(samples[i].Image));
        }

        var recognise = new List<double>();
        var locate = new List<double>();
        var read = new List<double>();
        var exact = 0;
        var watch = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            watch.Restart();
            recognizer.Recognize(crops[i]);
            recognise.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            locator.Locate(samples[i].Image);
            locate.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            var result = reader.Read(samples[i].Image, Whole(samples[i].Image));
            read.Add(watch.Elapsed.TotalMilliseconds);
            exact += result?.Text == samples[i].Plate ? 1 : 0;
        }

        var regions = samples.Select(s => s.Image.Width * s.Image.Height).Order().ToList();
        Console.WriteLine($"plate-ocr: {count} plates (seed {seed}), ONNX Runtime intra-op threads {threads}, channel order {order}, {(pad ? "padded to 320" : "unpadded")}, home-province prior {(home is null ? "none" : $"{home} x{homeWeight}")}, warm-up {warmup}");
        Console.WriteLine($"  machine: {MachineInfo.Describe()}");
        Console.WriteLine($"  vehicle regions: median {Math.Sqrt(regions[count / 2]):F0} px square-equivalent; plate crops {samples.Min(s => s.PlateBox.Height)}-{samples.Max(s => s.PlateBox.Height)} px tall");
        Console.WriteLine($"  recognise plate crop : {Summary(recognise)}");
        Console.WriteLine($"  locate by colour     : {Summary(locate)}");
        Console.WriteLine($"  locate + read region : {Summary(read)}");
        Console.WriteLine($"  exact match: {exact}/{count} = {exact / (double)count:P1}");
        samples.ForEach(s => s.Dispose());
        crops.ForEach(c => c.Dispose());
        return 0;
    }

    private static Rect Whole(Mat image) => new(0, 0, image.Width, image.Height);

    private static string Summary(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
        return $"mean {ms.Average():F2} ms, p50 {At(0.5):F2}, p95 {At(0.95):F2}, max {sorted[^1]:F2}";
    }
}

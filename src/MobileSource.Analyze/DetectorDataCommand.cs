using MobileSource.Analyze.Simulation;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze detector-data`: simulator scenes through the analyzer with the truth's vehicle boxes, every n-th analysed
/// frame written with those boxes (<see cref="DetectorDataFile"/>) to train the vehicle detector on exactly what the
/// analyzer will show it.
/// </summary>
internal static class DetectorDataCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var (first, last) = options.Range("--seeds", (7000, 7087));
        var sceneOptions = RenderCommand.SceneOptionsFrom(options);
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var every = (int)options.Number("--every", 10, 1, 1000);
        var parallel = (int)options.Number("--parallel", 2, 1, 8);
        var outPath = options.Text("--out") ?? throw new UsageException("detector-data needs --out <file>");
        const double detectFps = 10;
        using var file = new DetectorDataFile(File.Create(outPath));
        await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (seed, ct) =>
        {
            var video = await SceneCache.EnsureAsync(work, seed, sceneOptions, detectFps, ct);
            using var scene = new SimulatedScene(seed, sceneOptions);
            var recorder = new RecordingDetector(new TruthVehicleDetector(scene), seed, every, file);
            await VideoRun.RunAsync(video, detectFps, new StreamAnalyzerOptions(), null, null, ct: ct, vehicleDetector: recorder);
            Console.Error.WriteLine($"detector-data: scene {seed}: {recorder.Written} frames");
        });
        Console.Error.WriteLine($"detector-data: {file.Frames} frames written to {outPath}");
        return 0;
    }

    private sealed class RecordingDetector(IVehicleDetector inner, int seed, int every, DetectorDataFile file) : IVehicleDetector
    {
        private int _seen;
        public int Written { get; private set; }

        public IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image)
        {
            var boxes = inner.Detect(frame, image);
            if (_seen++ % every == 0)
            {
                file.Write(seed, frame.Index, image, boxes);
                Written++;
            }
            return boxes;
        }
    }
}

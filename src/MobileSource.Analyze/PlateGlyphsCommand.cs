using System.Globalization;
using MobileSource.Analyze.Simulation;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Video;

namespace MobileSource.Analyze;

/// <summary>
/// `analyze plate-glyphs`: the province characters the plate reader cuts from simulator scenes, labelled with the true
/// province (<see cref="PlateGlyphFile"/>), to train the province glyph classifier. Every n-th analysed frame, each
/// vehicle in view is read where the analyzer would look for its plate (its box and a little around); a read counts
/// only when everything after the province matches the vehicle's plate, so the glyph is that plate's first character.
/// </summary>
internal static class PlateGlyphsCommand
{
    public static async Task<int> RunAsync(CliOptions options)
    {
        var outPath = options.Text("--out") ?? throw new UsageException("plate-glyphs needs --out <file>");
        var work = options.Text("--work") ?? Path.Combine("data", "vision-scenes");
        var every = (int)options.Number("--every", 2, 1, 100);
        var jobs = TrainSmokeCommand.Jobs(options);
        const double detectFps = 10;
        using var models = new PpOcrModels();
        var reader = new PlateReader(models, recognizer: new PpOcrRecognizer(models, PlateReader.DefaultHomeProvince, PlateReader.DefaultHomeProvinceWeight,
            PlateReader.DefaultHomeCity, PlateReader.DefaultHomeCityWeight) { KeepProvinceEvidence = true });
        using var file = new PlateGlyphFile(File.Create(outPath));
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (job, ct) =>
        {
            var video = await SceneCache.EnsureAsync(work, job.Seed, job.Options, detectFps, ct);
            using var scene = new SimulatedScene(job.Seed, job.Options);
            var source = await SourceStream.ProbeAsync(video, ct);
            await using var frames = new FfmpegFrameSource(new FfmpegSourceOptions
            {
                Address = SourceAddress.Parse(video), Width = source.Width, Height = source.Height, Fps = detectFps,
            });
            int written = 0, attempts = 0;
            await foreach (var frame in frames.ReadFramesAsync(ct))
            {
                using (frame)
                {
                    if (frame.Index % every != 0) continue;
                    var sourceFrame = scene.SourceFrame(frame.SourceTime);
                    foreach (var v in scene.Spec.Vehicles)
                    {
                        if (scene.BodyBox(v, sourceFrame) is not { } body) continue;
                        attempts++;
                        var read = reader.Read(frame.Image, PlateSearch.Region(body, null, frame.Image.Size()));
                        if (read?.Province is null || read.Text.Length != v.Plate.Value.Length || read.Text[1..] != v.Plate.Value[1..]) continue;
                        file.Write(job.Seed, v.Id, sourceFrame, v.Plate.Value[0], read);
                        written++;
                    }
                }
            }
            Console.Error.WriteLine($"plate-glyphs: scene {job.Seed}: {written} of {attempts} reads");
        });
        Console.Error.WriteLine($"plate-glyphs: {file.Reads.ToString(CultureInfo.InvariantCulture)} glyphs of {jobs.Count} scenes written to {outPath}");
        return 0;
    }
}

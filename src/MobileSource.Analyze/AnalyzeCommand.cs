using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Analyze;

/// <summary>`analyze &lt;video-or-image&gt;`: captures of a video, or smoke and plates of one image.</summary>
internal static class AnalyzeCommand
{
    private static readonly HashSet<string> ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"];

    public static async Task<int> RunAsync(string path, CliOptions options)
    {
        if (path.StartsWith("--", StringComparison.Ordinal)) throw new UsageException("the first argument is the video or image to analyze");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var direction = options.Direction();
        var detectFps = options.Number("--detect-fps", 10, 1, 60);
        var image = ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());
        // The detector learned traffic seen from behind; other views, and still images, find vehicles by motion.
        using var components = Components.Load(options, vehicles: !image && direction == TravelDirection.Away);
        if (image) return Image(path, direction, components);

        var result = await VideoRun.RunAsync(path, detectFps, new StreamAnalyzerOptions { Direction = direction },
            components.Smoke, components.Plates, vehicleDetector: components.Vehicles);
        Console.WriteLine(Json.Write(new
        {
            captures = result.Captures.Select(c => new
            {
                plate = c.Plate, plateConfidence = c.PlateConfidence, ringelmann = c.Ringelmann, smokeScore = c.SmokeScore,
                firstFrame = c.FirstFrame, lastFrame = c.LastFrame,
            }),
            vehicles = result.Vehicles,
        }));
        return 0;
    }

    private static int Image(string path, TravelDirection direction, Components components)
    {
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty()) throw new InvalidDataException($"{path}: not a readable image");
        var smoke = new StillImageSmoke(components.Smoke!, direction).Analyze(image);
        var plates = new List<object>();
        if (components.Plates is not null)
        {
            var regions = smoke.VehicleBox is { } v ? new[] { v, new Rect(0, 0, image.Width, image.Height) } : [new Rect(0, 0, image.Width, image.Height)];
            foreach (var region in regions)
            {
                if (components.Plates.Read(image, region) is not { } read) continue;
                plates.Add(new { text = read.Text, confidence = Math.Round(read.Confidence, 3), colour = read.Colour.ToString(), box = BoxJson.From(read.Box) });
                break;
            }
        }
        Console.WriteLine(Json.Write(new
        {
            smoke = new { present = smoke.Present, score = Math.Round(smoke.Score, 3), ringelmann = smoke.Ringelmann, box = BoxJson.From(smoke.Box) },
            plates,
        }));
        return 0;
    }
}

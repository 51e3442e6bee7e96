using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// Smoke in a single still image, where no background was ever seen: the road is estimated by a wide median filter
/// (which erases vehicles and plumes smaller than its window) and each vehicle blob's region is scored as in video,
/// without the temporal features. Weaker than the stream analyzer; meant for spot checks of a photo.
/// </summary>
public sealed class StillImageSmoke(ISmokeClassifier classifier, TravelDirection direction, int analysisWidth = 320)
{
    public sealed record Result(bool Present, double Score, double Ringelmann, Rect? Box, Rect? VehicleBox);

    public Result Analyze(Mat image, double threshold = 0.5)
    {
        if (image.Empty() || image.Type() != MatType.CV_8UC3) throw new ArgumentException("expected a BGR image", nameof(image));
        var width = Math.Min(analysisWidth, image.Width);
        var height = Math.Max(16, (int)Math.Round(image.Height * (double)width / image.Width));
        var scale = image.Width / (double)width;
        var options = new MotionOptions { WarmupFrames = 1 };
        using var motion = new MotionAnalyzer(width, height, options);
        using var blobs = new BlobFinder(width, height, options);
        using var small = new Mat();
        Cv2.Resize(image, small, new Size(width, height), 0, 0, InterpolationFlags.Area);
        using var road = new Mat();
        Cv2.MedianBlur(small, road, Math.Max(5, (width / 5) | 1));
        motion.Analyze(road);
        var frame = motion.Analyze(small);
        var boxes = blobs.Find(frame);
        var extractor = new SmokeFeatureExtractor();
        var grid = new float[SmokeFeatureExtractor.GridSize * SmokeFeatureExtractor.GridSize];
        Result best = new(false, 0, 0, null, null);
        var size = new Size(width, height);
        foreach (var box in boxes)
        {
            var region = SmokeRegion.Behind(box, direction, size);
            if (region.Width < 4 || region.Height < 4) continue;
            var others = boxes.Where(b => b != box).ToList();
            var m = extractor.Extract(frame, motion.Previous, motion.Background.Bgr, box, region, direction, others, null, grid);
            if (!m.Measured) continue;
            var score = classifier.Score(m.Features);
            if (score <= best.Score) continue;
            var level = RingelmannScale.FromOpacity(m.CoreOpacity);
            best = new Result(score >= threshold && level > 0, score, level, Scale(region, scale), Scale(box, scale));
        }
        return best;
    }

    private static Rect Scale(Rect r, double s) =>
        new((int)(r.X * s), (int)(r.Y * s), (int)Math.Ceiling(r.Width * s), (int)Math.Ceiling(r.Height * s));
}

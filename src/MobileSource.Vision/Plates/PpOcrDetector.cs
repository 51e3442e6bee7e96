using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// PP-OCRv4 DB text detection, the fallback locator for plates colour does not find (white, black, washed out):
/// probability map, threshold, contours, box score, then the box is grown by the DB "unclip" distance
/// (area x ratio / perimeter) as PaddleOCR does.
/// </summary>
public sealed class PpOcrDetector
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    private readonly PpOcrModels _models;

    public PpOcrDetector(PpOcrModels models) => _models = models;

    /// <summary>The longer side is scaled down to this (multiple of 32) before detection.</summary>
    public int MaxSideLength { get; init; } = 480;

    public float PixelThreshold { get; init; } = 0.3f;

    public float BoxThreshold { get; init; } = 0.6f;

    public float UnclipRatio { get; init; } = 1.5f;

    /// <summary>Text lines shaped like a plate (aspect 1.8-6), best score first.</summary>
    public IReadOnlyList<PlateCandidate> Detect(Mat region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Empty())
        {
            return [];
        }
        var scale = Math.Min(1.0, MaxSideLength / (double)Math.Max(region.Width, region.Height));
        var width = Math.Max(32, (int)Math.Round(region.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(region.Height * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(region, resized, new Size(width, height));
        var session = _models.Detection;
        var input = NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), ToTensor(resized));
        using var results = session.Run([input]);
        var map = results[0].AsTensor<float>().ToArray();
        using var probability = Mat.FromPixelData(height, width, MatType.CV_32FC1, map);
        using var binary = new Mat();
        Cv2.Threshold(probability, binary, PixelThreshold, 255, ThresholdTypes.Binary);
        using var binary8 = new Mat();
        binary.ConvertTo(binary8, MatType.CV_8UC1);
        Cv2.FindContours(binary8, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        var sx = region.Width / (double)width;
        var sy = region.Height / (double)height;
        var boxes = new List<(RotatedRect Box, double Score)>();
        foreach (var contour in contours)
        {
            var box = Cv2.MinAreaRect(contour);
            if (Math.Min(box.Size.Width, box.Size.Height) < 3)
            {
                continue;
            }
            var score = BoxScore(probability, contour);
            if (score < BoxThreshold)
            {
                continue;
            }
            var area = box.Size.Width * box.Size.Height;
            var distance = area * UnclipRatio / (2 * (box.Size.Width + box.Size.Height));
            boxes.Add((new RotatedRect(
                new Point2f((float)(box.Center.X * sx), (float)(box.Center.Y * sy)),
                new Size2f((float)((box.Size.Width + 2 * distance) * sx), (float)((box.Size.Height + 2 * distance) * sy)),
                box.Angle), score));
        }

        var found = new List<PlateCandidate>();
        foreach (var (grown, score) in TextLines.Merge(boxes))
        {
            var (w, h, _) = PlateRectifier.Upright(grown);
            var aspect = w / h;
            if (aspect is < 1.8f or > 6f || h < 8)
            {
                continue;
            }
            var bounds = grown.BoundingRect().Intersect(new Rect(0, 0, region.Width, region.Height));
            if (bounds.Width > 0 && bounds.Height > 0)
            {
                found.Add(new PlateCandidate(grown, bounds, score, null));
            }
        }
        return found.OrderByDescending(c => c.Score).ToList();
    }

    private static double BoxScore(Mat probability, Point[] contour)
    {
        var bounds = Cv2.BoundingRect(contour).Intersect(new Rect(0, 0, probability.Width, probability.Height));
        using var mask = new Mat(bounds.Size, MatType.CV_8UC1, Scalar.All(0));
        var shifted = contour.Select(p => new Point(p.X - bounds.X, p.Y - bounds.Y)).ToArray();
        Cv2.FillPoly(mask, [shifted], Scalar.All(255));
        return Cv2.Mean(probability[bounds], mask).Val0;
    }

    private static DenseTensor<float> ToTensor(Mat image)
    {
        var width = image.Width;
        var height = image.Height;
        var tensor = new DenseTensor<float>([1, 3, height, width]);
        var span = tensor.Buffer.Span;
        var plane = width * height;
        var bgr = MatBytes.Of(image);
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                span[c * plane + i] = (bgr[i * 3 + c] / 255f - Mean[c]) / Std[c];
            }
        }
        return tensor;
    }
}

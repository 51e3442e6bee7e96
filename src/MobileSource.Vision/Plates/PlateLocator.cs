using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// Finds plate candidates in a vehicle region by colour (blue, yellow, green plate backgrounds in HSV) and shape
/// (aspect 2-4.5 along the rotated rectangle, filled like a rectangle). Fast: no neural network.
/// White and black plates are left to the text detector.
/// </summary>
public sealed class PlateLocator
{
    private sealed record ColourBand(PlateColour Colour, Scalar Low, Scalar High);

    // OpenCV HSV: H 0-180. Value floors are low so dusk frames still pass; saturation keeps grey bodies out.
    private static readonly ColourBand[] Bands =
    [
        new(PlateColour.Blue, new Scalar(98, 90, 35), new Scalar(130, 255, 255)),
        new(PlateColour.Yellow, new Scalar(12, 90, 45), new Scalar(35, 255, 255)),
        new(PlateColour.Green, new Scalar(38, 50, 45), new Scalar(90, 255, 255)),
        // Large new-energy plates: yellow at the left, green at the right, so neither band alone covers them.
        new(PlateColour.YellowGreen, new Scalar(12, 70, 45), new Scalar(90, 255, 255)),
    ];

    private const double StandardAspect = 440.0 / 140;
    private const double NewEnergyAspect = 480.0 / 140;

    public double MinAspect { get; init; } = 2.0;

    public double MaxAspect { get; init; } = 4.5;

    public double MinRectangularity { get; init; } = 0.55;

    public int MinHeightPx { get; init; } = 9;

    public int MaxCandidates { get; init; } = 4;

    public double MaxWidthShare { get; init; } = 0.8;

    public double MaxHeightShare { get; init; } = 0.5;

    /// <param name="region">BGR image of the vehicle (or any area to search).</param>
    public IReadOnlyList<PlateCandidate> Locate(Mat region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Empty())
        {
            return [];
        }
        using var hsv = new Mat();
        Cv2.CvtColor(region, hsv, ColorConversionCodes.BGR2HSV);
        var size = region.Size();
        var candidates = new List<PlateCandidate>();
        foreach (var band in Bands)
        {
            using var mask = new Mat();
            Cv2.InRange(hsv, band.Low, band.High, mask);
            Close(mask);
            candidates.AddRange(FromMask(mask, band.Colour, size));
        }
        return WithoutOverlaps(candidates.OrderByDescending(c => c.Score)).Take(MaxCandidates).ToList();
    }

    /// <summary>The same plate found by two colour bands: the better-shaped one is kept.</summary>
    private static IEnumerable<PlateCandidate> WithoutOverlaps(IEnumerable<PlateCandidate> byScore)
    {
        var kept = new List<PlateCandidate>();
        foreach (var candidate in byScore)
        {
            if (kept.All(k => IntersectionOverUnion(k.Bounds, candidate.Bounds) < 0.5))
            {
                kept.Add(candidate);
                yield return candidate;
            }
        }
    }

    private static double IntersectionOverUnion(Rect a, Rect b)
    {
        var intersection = a.Intersect(b);
        var shared = intersection.Width > 0 && intersection.Height > 0 ? (double)intersection.Width * intersection.Height : 0;
        return shared / ((double)a.Width * a.Height + (double)b.Width * b.Height - shared);
    }

    private static void Close(Mat mask)
    {
        // Fills the characters and separator dot inside the plate; wide kernel because characters are tall gaps.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 3));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, kernel, iterations: 2);
        using var small = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(2, 2));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, small);
    }

    private IEnumerable<PlateCandidate> FromMask(Mat mask, PlateColour colour, Size imageSize)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        foreach (var contour in contours)
        {
            var outline = Cv2.MinAreaRect(contour);
            var (width, height, angle) = PlateRectifier.Upright(outline);
            if (height < MinHeightPx || width < 2 * MinHeightPx || Math.Abs(angle) > 30)
            {
                continue;
            }
            var rectangularity = Cv2.ContourArea(contour) / (width * height);
            var grown = colour == PlateColour.Green && width / height > NewEnergyAspect * 1.15;
            if (grown)
            {
                // The new-energy gradient is nearly white at the top: only the lower part is green enough.
                outline = GrowUpwards(outline, width, height, angle, width / (float)NewEnergyAspect);
                height = width / (float)NewEnergyAspect;
            }
            var aspect = width / height;
            // A plate is a small part of a vehicle: a whole region in plate colour is the body (a yellow truck, a green bus).
            if (width > MaxWidthShare * imageSize.Width || height > MaxHeightShare * imageSize.Height)
            {
                continue;
            }
            if (aspect < MinAspect || aspect > MaxAspect || rectangularity < MinRectangularity)
            {
                continue;
            }
            var bounds = outline.BoundingRect().Intersect(new Rect(new Point(0, 0), imageSize));
            if (bounds.Width <= 0 || bounds.Height <= 0)
            {
                continue;
            }
            var aspectFit = 1 - Math.Min(1, Math.Abs(aspect - StandardAspect) / StandardAspect);
            var score = Math.Clamp(rectangularity, 0, 1) * (0.5 + 0.5 * aspectFit);
            var corners = PlateRectifier.Quadrilateral(contour);
            if (grown && corners is not null)
            {
                corners = ExtendUpwards(corners, NewEnergyAspect);
            }
            yield return new PlateCandidate(outline, bounds, score, colour, corners);
        }
    }

    /// <summary>Moves the top corners up along the side edges until the quadrilateral has the plate's aspect.</summary>
    private static Point2f[] ExtendUpwards(Point2f[] c, double aspect)
    {
        var width = (Distance(c[0], c[1]) + Distance(c[3], c[2])) / 2;
        var height = (Distance(c[0], c[3]) + Distance(c[1], c[2])) / 2;
        var factor = (float)(width / aspect / Math.Max(1, height));
        Point2f Up(Point2f top, Point2f bottom) => new(bottom.X + (top.X - bottom.X) * factor, bottom.Y + (top.Y - bottom.Y) * factor);
        return [Up(c[0], c[3]), Up(c[1], c[2]), c[2], c[3]];
    }

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static RotatedRect GrowUpwards(RotatedRect outline, float width, float height, float angleDeg, float newHeight)
    {
        var grow = newHeight - height;
        var angle = angleDeg * Math.PI / 180;
        // "Up" is perpendicular to the text direction, towards smaller y.
        var upX = (float)Math.Sin(angle);
        var upY = (float)-Math.Cos(angle);
        var centre = new Point2f(outline.Center.X + upX * grow / 2, outline.Center.Y + upY * grow / 2);
        return new RotatedRect(centre, new Size2f(width, newHeight), angleDeg);
    }
}

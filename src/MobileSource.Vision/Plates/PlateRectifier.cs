using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>Cuts a rotated plate outline out of an image as an upright, front-on crop (tilt and skew removed).</summary>
public static class PlateRectifier
{
    /// <param name="margin">Extra border as a fraction of the plate height; the recogniser reads better with a little context.</param>
    public static Mat Crop(Mat image, RotatedRect outline, double margin = 0.12)
    {
        var (width, height, angle) = Upright(outline);
        var pad = (float)(height * margin);
        var box = new RotatedRect(outline.Center, new Size2f(width + 2 * pad, height + 2 * pad), angle);
        var corners = box.Points(); // bottom-left, top-left, top-right, bottom-right for an upright box
        var ordered = OrderCorners(corners);
        var outW = Math.Max(1, (int)Math.Round(box.Size.Width));
        var outH = Math.Max(1, (int)Math.Round(box.Size.Height));
        Point2f[] target = [new(0, 0), new(outW, 0), new(outW, outH), new(0, outH)];
        using var transform = Cv2.GetPerspectiveTransform(ordered, target);
        var crop = new Mat();
        Cv2.WarpPerspective(image, crop, transform, new Size(outW, outH), InterpolationFlags.Linear, BorderTypes.Replicate);
        return crop;
    }

    /// <summary>The candidate as an upright crop: through its four corners when known, else its rotated outline.</summary>
    public static Mat Crop(Mat image, PlateCandidate candidate, double margin = 0.12) =>
        candidate.Corners is { Length: 4 } corners ? Crop(image, corners, margin) : Crop(image, candidate.Outline, margin);

    /// <param name="corners">Top-left, top-right, bottom-right, bottom-left.</param>
    public static Mat Crop(Mat image, Point2f[] corners, double margin = 0.12)
    {
        var width = (Distance(corners[0], corners[1]) + Distance(corners[3], corners[2])) / 2;
        var height = (Distance(corners[0], corners[3]) + Distance(corners[1], corners[2])) / 2;
        var pad = (float)(height * margin);
        var outW = Math.Max(1, (int)Math.Round(width + 2 * pad));
        var outH = Math.Max(1, (int)Math.Round(height + 2 * pad));
        Point2f[] target = [new(pad, pad), new(outW - pad, pad), new(outW - pad, outH - pad), new(pad, outH - pad)];
        using var transform = Cv2.GetPerspectiveTransform(corners, target);
        var crop = new Mat();
        Cv2.WarpPerspective(image, crop, transform, new Size(outW, outH), InterpolationFlags.Linear, BorderTypes.Replicate);
        return crop;
    }

    /// <summary>Four corners of a contour when it is close to a quadrilateral (top-left first, clockwise), else null.</summary>
    public static Point2f[]? Quadrilateral(Point[] contour)
    {
        var hull = Cv2.ConvexHull(contour);
        var perimeter = Cv2.ArcLength(hull, true);
        var hullArea = Cv2.ContourArea(hull);
        foreach (var epsilon in new[] { 0.02, 0.04, 0.06, 0.08 })
        {
            var approx = Cv2.ApproxPolyDP(hull, epsilon * perimeter, true);
            if (approx.Length == 4)
            {
                var area = Cv2.ContourArea(approx);
                return area > 0.85 * hullArea && area < 1.15 * hullArea
                    ? OrderCorners(approx.Select(p => new Point2f(p.X, p.Y)).ToArray())
                    : null;
            }
            if (approx.Length < 4)
            {
                return null;
            }
        }
        return null;
    }

    private static float Distance(Point2f a, Point2f b) => (float)Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Width along the text, height across it, and the angle (degrees) of the text direction.</summary>
    public static (float Width, float Height, float Angle) Upright(RotatedRect outline)
    {
        var (w, h, angle) = (outline.Size.Width, outline.Size.Height, outline.Angle);
        if (h > w)
        {
            (w, h) = (h, w);
            angle += 90;
        }
        while (angle > 45)
        {
            angle -= 180;
        }
        while (angle <= -135)
        {
            angle += 180;
        }
        if (angle < -45)
        {
            angle += 180;
        }
        return (w, h, angle);
    }

    /// <summary>Top-left, top-right, bottom-right, bottom-left.</summary>
    private static Point2f[] OrderCorners(Point2f[] corners)
    {
        var bySum = corners.OrderBy(p => p.X + p.Y).ToArray();
        var byDiff = corners.OrderBy(p => p.X - p.Y).ToArray();
        return [bySum[0], byDiff[^1], bySum[^1], byDiff[0]];
    }
}

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

using MobileSource.Domain.Plates;
using MobileSource.HardwareSim.Rendering;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

/// <summary>Plate images for tests: the simulator's rendered plates, degraded and placed in vehicle-like scenes.</summary>
internal static class PlateImages
{
    /// <summary>The plate alone, BGR, on a neutral grey where the rounded corners are transparent.</summary>
    public static Mat Plate(string plate, PlateColour colour, int heightPx)
    {
        var png = PlateRenderer.RenderPng(PlateNumber.Parse(plate), colour, heightPx);
        using var bgra = Cv2.ImDecode(png, ImreadModes.Unchanged);
        using var background = new Mat(bgra.Size(), MatType.CV_8UC3, new Scalar(90, 90, 90));
        return Compose(background, bgra, new Point(0, 0));
    }

    /// <summary>
    /// A vehicle-like image (body colour, grille lines, bumper) of about <paramref name="plateHeight"/> x 6 height
    /// with the plate in the lower middle; <paramref name="plateBox"/> is where the plate went.
    /// </summary>
    public static Mat Vehicle(string plate, PlateColour colour, int plateHeight, Scalar body, out Rect plateBox, double rotateDegrees = 0, double perspective = 0)
    {
        var png = PlateRenderer.RenderPng(PlateNumber.Parse(plate), colour, plateHeight);
        using var bgra = Cv2.ImDecode(png, ImreadModes.Unchanged);
        using var warped = Warp(bgra, rotateDegrees, perspective);
        var width = Math.Max(warped.Width * 3, 200);
        var height = Math.Max(plateHeight * 6, 150);
        using var scene = new Mat(height, width, MatType.CV_8UC3, body);
        for (var y = height / 5; y < height / 2; y += Math.Max(4, plateHeight / 4))
        {
            Cv2.Line(scene, new Point(width / 6, y), new Point(width * 5 / 6, y), new Scalar(40, 40, 40), Math.Max(1, plateHeight / 10));
        }
        Cv2.Rectangle(scene, new Rect(0, height * 3 / 4, width, height / 8), new Scalar(30, 30, 30), -1);
        Cv2.Circle(scene, new Point(width / 8, height / 3), plateHeight / 2, new Scalar(220, 230, 240), -1); // a headlight
        var at = new Point((width - warped.Width) / 2, height * 3 / 4 - warped.Height - plateHeight / 3);
        plateBox = new Rect(at, warped.Size());
        return Compose(scene, warped, at);
    }

    public static Mat Blur(Mat image, int kernel)
    {
        var result = new Mat();
        Cv2.GaussianBlur(image, result, new Size(kernel, kernel), 0);
        return result;
    }

    public static Mat Noise(Mat image, double sigma, int seed)
    {
        var random = new Random(seed);
        var count = image.Width * image.Height * 3;
        var values = new short[count];
        for (var i = 0; i < count; i++)
        {
            // Box-Muller: a normal sample from two uniform ones.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = (short)Math.Round(gaussian * sigma);
        }
        using var noise = Mat.FromPixelData(image.Height, image.Width, MatType.CV_16SC3, values);
        using var wide = new Mat();
        image.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        var result = new Mat();
        wide.ConvertTo(result, MatType.CV_8UC3);
        return result;
    }

    public static Mat Jpeg(Mat image, int quality)
    {
        Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return Cv2.ImDecode(bytes, ImreadModes.Color);
    }

    /// <summary>Dusk: darker and flatter, as an under-exposed evening frame.</summary>
    public static Mat Dusk(Mat image, double gain = 0.35, double offset = 8)
    {
        var result = new Mat();
        image.ConvertTo(result, MatType.CV_8UC3, gain, offset);
        return result;
    }

    private static Mat Warp(Mat bgra, double rotateDegrees, double perspective)
    {
        var w = bgra.Width;
        var h = bgra.Height;
        var pad = (int)(h * 0.6 + w * Math.Abs(Math.Sin(rotateDegrees * Math.PI / 180)));
        var size = new Size(w + 2 * pad, h + 2 * pad);
        Point2f[] source = [new(0, 0), new(w, 0), new(w, h), new(0, h)];
        var shrink = (float)(perspective * h);
        Point2f[] target = [new(0, shrink), new(w, 0), new(w, h), new(0, h - shrink)];
        var centre = new Point2f(w / 2f, h / 2f);
        var angle = rotateDegrees * Math.PI / 180;
        var moved = target.Select(p =>
        {
            var dx = p.X - centre.X;
            var dy = p.Y - centre.Y;
            return new Point2f(
                (float)(centre.X + dx * Math.Cos(angle) - dy * Math.Sin(angle)) + pad,
                (float)(centre.Y + dx * Math.Sin(angle) + dy * Math.Cos(angle)) + pad);
        }).ToArray();
        using var m = Cv2.GetPerspectiveTransform(source, moved);
        var result = new Mat();
        Cv2.WarpPerspective(bgra, result, m, size, InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(0, 0, 0, 0));
        var bounds = Cv2.BoundingRect(moved.Select(p => new Point((int)p.X, (int)p.Y)));
        bounds = bounds.Intersect(new Rect(0, 0, size.Width, size.Height));
        using (result)
        {
            return result[bounds].Clone();
        }
    }

    private static Mat Compose(Mat background, Mat bgra, Point at)
    {
        var result = background.Clone();
        var channels = bgra.Split();
        try
        {
            using var bgr = new Mat();
            Cv2.Merge(channels[..3], bgr);
            var roi = result[new Rect(at, bgra.Size())];
            using var alpha = new Mat();
            Cv2.Merge([channels[3], channels[3], channels[3]], alpha);
            using var alphaF = new Mat();
            alpha.ConvertTo(alphaF, MatType.CV_32FC3, 1 / 255.0);
            using var fg = new Mat();
            using var bg = new Mat();
            bgr.ConvertTo(fg, MatType.CV_32FC3);
            roi.ConvertTo(bg, MatType.CV_32FC3);
            using var inverse = new Mat();
            Cv2.Subtract(new Scalar(1, 1, 1), alphaF, inverse);
            using var a = fg.Mul(alphaF).ToMat();
            using var b = bg.Mul(inverse).ToMat();
            using var sum = new Mat();
            Cv2.Add(a, b, sum);
            sum.ConvertTo(roi, MatType.CV_8UC3);
            return result;
        }
        finally
        {
            foreach (var c in channels)
            {
                c.Dispose();
            }
        }
    }
}

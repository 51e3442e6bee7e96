using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Motion;

/// <summary>
/// A small drawn road scene for tests: a grey road with lane lines and sensor noise, boxes for vehicles driving up
/// the image, and optional plumes (I = B(1 - 0.2 L) at the core, soft-edged, churning), hard shadows and wet patches.
/// </summary>
internal sealed class SyntheticRoad(int width = 640, int height = 360, int seed = 1)
{
    private readonly Random _random = new(seed);
    public List<SyntheticVehicle> Vehicles { get; } = [];
    /// <summary>Static darker patches of road (wet asphalt), part of the scene from the first frame.</summary>
    public List<Rect> WetPatches { get; } = [];
    public double Fps { get; init; } = 10;

    public VideoFrame Render(int index)
    {
        var road = new Mat(height, width, MatType.CV_32FC3, new Scalar(118, 122, 125));
        for (var x = width / 3; x < width; x += width / 3) Cv2.Line(road, new Point(x, 0), new Point(x, height), new Scalar(210, 210, 210), 3);
        foreach (var wet in WetPatches) Cv2.Rectangle(road, wet, new Scalar(70, 72, 74), -1);
        var background = road.Clone();
        foreach (var v in Vehicles)
        {
            if (v.BoxAt(index) is not { } box) continue;
            if (v.Shadow) Darken(road, background, new Rect(box.X - box.Width / 4, box.Bottom, box.Width * 3 / 2, box.Height * 2 / 3), 0.45f);
            if (v.Ringelmann > 0) Plume(road, background, box, v.Ringelmann, index);
            DrawVehicle(road, box, v.Colour);
        }
        using var noise = new Mat(height, width, MatType.CV_32FC3);
        Cv2.Randn(noise, new Scalar(0, 0, 0), new Scalar(2.5, 2.5, 2.5));
        Cv2.Add(road, noise, road);
        var image = new Mat();
        road.ConvertTo(image, MatType.CV_8UC3);
        road.Dispose();
        background.Dispose();
        return new VideoFrame(index, TimeSpan.FromSeconds(index / Fps), DateTimeOffset.UnixEpoch.AddSeconds(index / Fps), image);
    }

    private static void Darken(Mat road, Mat background, Rect area, float keep)
    {
        var r = area & new Rect(0, 0, road.Width, road.Height);
        if (r.Width <= 0 || r.Height <= 0) return;
        using var roi = new Mat(road, r);
        using var bg = new Mat(background, r);
        Cv2.Multiply(bg, new Scalar(keep, keep, keep), roi);
    }

    /// <summary>Opacity 0.2 L at the core falling off as a Gaussian, with frame-to-frame churn; I = B(1 - opacity).</summary>
    private void Plume(Mat road, Mat background, Rect box, double level, int index)
    {
        var cx = box.X + box.Width / 2.0;
        var top = box.Bottom;
        var sx = box.Width * 0.35;
        var sy = box.Height * 0.45;
        var core = 0.2 * level;
        var phase = index * 0.9;
        int rows = road.Height, cols = road.Width;
        for (var y = top; y < Math.Min(rows, top + (int)(3 * sy)); y++)
        for (var x = (int)Math.Max(0, cx - 3 * sx); x < Math.Min(cols, cx + 3 * sx); x++)
        {
            var dx = (x - cx) / sx;
            var dy = (y - top - sy * 0.6) / sy;
            var churn = 1 + 0.12 * Math.Sin(x * 0.5 + phase) * Math.Cos(y * 0.4 - phase * 1.3);
            var falloff = Math.Exp(-(dx * dx + dy * dy) * 0.9);
            var opacity = Math.Clamp(core * Math.Min(1, falloff * 1.6) * churn, 0, core);
            var b = background.At<Vec3f>(y, x);
            var keep = (float)(1 - opacity);
            road.Set(y, x, new Vec3f(b.Item0 * keep, b.Item1 * keep, b.Item2 * keep));
        }
    }

    private static void DrawVehicle(Mat road, Rect box, Scalar colour)
    {
        Cv2.Rectangle(road, box, colour, -1);
        Cv2.Rectangle(road, box, new Scalar(30, 30, 30), 2);
        var window = new Rect(box.X + box.Width / 8, box.Y + box.Height / 10, box.Width * 3 / 4, box.Height / 4);
        Cv2.Rectangle(road, window, new Scalar(60, 50, 40), -1);
        var lights = box.Height / 8;
        Cv2.Rectangle(road, new Rect(box.X + 3, box.Bottom - 3 * lights, lights * 2, lights), new Scalar(30, 30, 220), -1);
        Cv2.Rectangle(road, new Rect(box.Right - 3 - lights * 2, box.Bottom - 3 * lights, lights * 2, lights), new Scalar(30, 30, 220), -1);
        Cv2.Rectangle(road, new Rect(box.X + box.Width / 2 - box.Width / 6, box.Bottom - box.Height / 6, box.Width / 3, box.Height / 9), new Scalar(20, 200, 230), -1);
    }
}

/// <summary>A box that enters at <see cref="EntryFrame"/> at <see cref="Start"/> and moves <see cref="Velocity"/> pixels a frame.</summary>
internal sealed record SyntheticVehicle(int EntryFrame, Rect Start, Point2d Velocity, Scalar Colour, double Ringelmann = 0, bool Shadow = false)
{
    public Rect? BoxAt(int frame)
    {
        if (frame < EntryFrame) return null;
        var t = frame - EntryFrame;
        var r = new Rect((int)(Start.X + Velocity.X * t), (int)(Start.Y + Velocity.Y * t), Start.Width, Start.Height);
        return r.Bottom < 0 || r.Top > 2000 ? null : r;
    }
}

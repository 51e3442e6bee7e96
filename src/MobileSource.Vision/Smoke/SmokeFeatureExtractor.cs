using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Smoke;

/// <summary>The features of one region behind a vehicle on one frame; reuses its buffers (one per analyzer).</summary>
internal sealed class SmokeFeatureExtractor
{
    public const int GridSize = 12;
    private float[] _smoothed = new float[1024];
    private float[] _values = new float[1024];
    private bool[] _excluded = new bool[1024];

    /// <summary>Features of <paramref name="region"/>; <paramref name="grid"/> receives the region's coarse opacity pattern.</summary>
    public SmokeMeasurement Extract(MotionFrame f, MotionFrame previous, float[] background, Rect vehicle, Rect region,
        TravelDirection direction, IReadOnlyList<Rect> otherVehicles, float[]? previousGrid, float[] grid)
    {
        var features = new float[SmokeFeatures.Count];
        for (var i = SmokeFeatures.TrailYoung; i < SmokeFeatures.Count; i++) features[i] = -1f;
        var w = region.Width;
        var h = region.Height;
        var n = w * h;
        Ensure(n);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var inOther = false;
            var pt = new Point(region.X + x, region.Y + y);
            foreach (var o in otherVehicles)
                if (o.Contains(pt)) { inOther = true; break; }
            _excluded[y * w + x] = inOther || vehicle.Contains(pt);
        }
        Smooth(f, region);

        int counted = 0, shade = 0, dense = 0, objects = 0;
        double shadeOpacity = 0, shadeOpacitySq = 0, gradient = 0, chroma = 0, worldChurn = 0, opacitySum = 0, mass = 0, massDistance = 0;
        int attachedShade = 0, attachedCount = 0;
        double imageGradient = 0, brightness = 0;
        var maxOpacity = 0f;
        var valueCount = 0;
        var shadeValues = new List<float>(n / 4 + 1);
        var attachedValues = new List<float>();
        var wakes = otherVehicles.Select(o => Wake(o, direction)).ToList();
        double wakeMass = 0, across = 0;
        Array.Clear(grid);
        var gridCount = new int[GridSize * GridSize];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var l = y * w + x;
            if (_excluded[l]) continue;
            var p = (region.Y + y) * f.Width + region.X + x;
            counted++;
            var op = f.Opacity[p];
            _values[valueCount++] = op;
            opacitySum += op;
            brightness += f.BackgroundGrey[p];
            worldChurn += Math.Abs(op - previous.Opacity[p]);
            var s = _smoothed[l];
            if (s > maxOpacity) maxOpacity = s;
            var g = y * GridSize / h * GridSize + x * GridSize / w;
            grid[g] += op;
            gridCount[g]++;
            var d = Distance(x, y, w, h, direction);
            if (d < 0.25) attachedCount++;
            var cls = f.Class[p];
            if (cls == PixelClass.Object) objects++;
            if (cls != PixelClass.Shade) continue;
            shade++;
            if (op > 0.3f) dense++;
            if (d < 0.25)
            {
                attachedShade++;
                attachedValues.Add(s);
            }
            var pt = new Point(region.X + x, region.Y + y);
            foreach (var wake in wakes)
                if (wake.Contains(pt)) { wakeMass += op; break; }
            across += op * Across(pt, vehicle, direction);
            shadeOpacity += op;
            shadeOpacitySq += op * op;
            shadeValues.Add(s);
            mass += op;
            massDistance += op * d;
            gradient += OpacityGradient(l, x, y, w, h);
            imageGradient += f.Gradient[p] / (f.BackgroundGrey[p] + 8f);
            chroma += Chroma(f, background, p);
        }
        for (var g = 0; g < grid.Length; g++) grid[g] = gridCount[g] > 0 ? grid[g] / gridCount[g] : 0f;
        if (counted == 0) return new SmokeMeasurement(features, 0f, false);

        var values = _values.AsSpan(0, valueCount);
        values.Sort();
        var meanOpacity = (float)(opacitySum / counted);
        features[SmokeFeatures.OpacityMedian] = values[valueCount / 2];
        features[SmokeFeatures.OpacityP90] = values[(int)(valueCount * 0.9)];
        var core = 0f;
        if (shadeValues.Count >= 4)
        {
            shadeValues.Sort();
            core = shadeValues[(int)(shadeValues.Count * 0.9)];
        }
        features[SmokeFeatures.CoreOpacity] = core;
        features[SmokeFeatures.ShadeFraction] = shade / (float)counted;
        features[SmokeFeatures.DenseShadeFraction] = dense / (float)counted;
        if (shade > 0)
        {
            var meanShade = shadeOpacity / shade;
            features[SmokeFeatures.EdgeSharpness] = (float)(gradient / shade / (core + 0.05));
            features[SmokeFeatures.ChromaShift] = (float)(chroma / shade);
            features[SmokeFeatures.Texture] = (float)(Math.Sqrt(Math.Max(0, shadeOpacitySq / shade - meanShade * meanShade)) / (meanShade + 0.02));
            features[SmokeFeatures.ShadeGradient] = (float)(imageGradient / shade);
        }
        features[SmokeFeatures.VehicleRelativeChurn] = previousGrid is null ? -1f : GridChurn(grid, previousGrid) / (meanOpacity + 0.02f);
        features[SmokeFeatures.WorldChurn] = (float)(worldChurn / counted / (meanOpacity + 0.02));
        features[SmokeFeatures.MassDistance] = mass > 0 ? (float)(massDistance / mass) : -1f;
        features[SmokeFeatures.AttachedFraction] = attachedCount > 0 ? attachedShade / (float)attachedCount : 0f;
        var (contextOpacity, contextShade) = Context(f, region, otherVehicles, vehicle);
        features[SmokeFeatures.ContextOpacity] = contextOpacity;
        features[SmokeFeatures.ContextShadeFraction] = contextShade;
        features[SmokeFeatures.ObjectFraction] = objects / (float)counted;
        features[SmokeFeatures.BoxHeight] = vehicle.Height / (float)f.Height;
        features[SmokeFeatures.BoxPosition] = (vehicle.Y + vehicle.Height / 2f) / f.Height;
        features[SmokeFeatures.Gain] = f.Gain;
        features[SmokeFeatures.FrameForeground] = (float)f.ForegroundFraction;
        features[SmokeFeatures.MaxOpacity] = maxOpacity;
        features[SmokeFeatures.BackgroundBrightness] = (float)(brightness / counted / 255.0);
        features[SmokeFeatures.BoxAspect] = vehicle.Height / (float)Math.Max(1, vehicle.Width);
        if (attachedValues.Count >= 4)
        {
            attachedValues.Sort();
            features[SmokeFeatures.AttachedCore] = attachedValues[(int)(attachedValues.Count * 0.9)];
        }
        features[SmokeFeatures.NeighbourWakeShare] = mass > 0 ? (float)(wakeMass / mass) : -1f;
        features[SmokeFeatures.LateralOffset] = mass > 0 ? (float)Math.Abs(across / mass) : -1f;
        return new SmokeMeasurement(features, core, true);
    }

    private static float Distance(int x, int y, int w, int h, TravelDirection direction) => direction switch
    {
        TravelDirection.Away => (y + 0.5f) / h,
        TravelDirection.Toward => (h - y - 0.5f) / h,
        TravelDirection.LeftToRight => (w - x - 0.5f) / w,
        _ => (x + 0.5f) / w,
    };

    /// <summary>Where another vehicle's plume trails: behind it, 1.4 of its widths across, two of its lengths deep.</summary>
    private static Rect Wake(Rect o, TravelDirection direction) => direction switch
    {
        TravelDirection.Away => new Rect(o.X - o.Width / 5, o.Bottom, o.Width * 7 / 5, o.Height * 2),
        TravelDirection.Toward => new Rect(o.X - o.Width / 5, o.Top - o.Height * 2, o.Width * 7 / 5, o.Height * 2),
        TravelDirection.LeftToRight => new Rect(o.Left - o.Width * 2, o.Y - o.Height / 5, o.Width * 2, o.Height * 7 / 5),
        _ => new Rect(o.Right, o.Y - o.Height / 5, o.Width * 2, o.Height * 7 / 5),
    };

    /// <summary>Signed distance of a point from the vehicle's centre across the travel axis, in vehicle widths (heights when sideways).</summary>
    private static float Across(Point pt, Rect vehicle, TravelDirection direction) => direction is TravelDirection.Away or TravelDirection.Toward
        ? (pt.X - (vehicle.X + vehicle.Width / 2f)) / Math.Max(1, vehicle.Width)
        : (pt.Y - (vehicle.Y + vehicle.Height / 2f)) / Math.Max(1, vehicle.Height);

    private void Ensure(int n)
    {
        if (_smoothed.Length >= n) return;
        _smoothed = new float[n * 2];
        _values = new float[n * 2];
        _excluded = new bool[n * 2];
    }

    /// <summary>5x5 mean of the opacity inside the region: noise and thin dark edges would bias a high percentile upwards.</summary>
    private void Smooth(MotionFrame f, Rect region)
    {
        var w = region.Width;
        for (var y = 0; y < region.Height; y++)
        for (var x = 0; x < w; x++)
        {
            float sum = 0;
            var count = 0;
            for (var dy = -2; dy <= 2; dy++)
            for (var dx = -2; dx <= 2; dx++)
            {
                int gx = region.X + x + dx, gy = region.Y + y + dy;
                if (gx < 0 || gy < 0 || gx >= f.Width || gy >= f.Height) continue;
                sum += f.Opacity[gy * f.Width + gx];
                count++;
            }
            _smoothed[y * w + x] = sum / count;
        }
    }

    private float OpacityGradient(int l, int x, int y, int w, int h)
    {
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) return 0f;
        var gx = _smoothed[l + 1] - _smoothed[l - 1];
        var gy = _smoothed[l + w] - _smoothed[l - w];
        return MathF.Sqrt(gx * gx + gy * gy);
    }

    private static float Chroma(MotionFrame f, float[] background, int p)
    {
        var i = p * 3;
        var g = f.Gain;
        float c0 = f.Bgr[i], c1 = f.Bgr[i + 1], c2 = f.Bgr[i + 2];
        float b0 = background[i] * g, b1 = background[i + 1] * g, b2 = background[i + 2] * g;
        float sc = c0 + c1 + c2 + 3f, sb = b0 + b1 + b2 + 3f;
        return Math.Abs(c0 / sc - b0 / sb) + Math.Abs(c1 / sc - b1 / sb) + Math.Abs(c2 / sc - b2 / sb);
    }

    private static float GridChurn(float[] grid, float[] previous)
    {
        float sum = 0;
        for (var i = 0; i < grid.Length; i++) sum += Math.Abs(grid[i] - previous[i]);
        return sum / grid.Length;
    }

    private static (float Opacity, float Shade) Context(MotionFrame f, Rect region, IReadOnlyList<Rect> others, Rect vehicle)
    {
        var band = Math.Max(2, region.Width / 2);
        var values = new List<float>();
        var shade = 0;
        foreach (var x0 in new[] { region.Left - band, region.Right })
        for (var y = region.Top; y < region.Bottom; y += 2)
        for (var x = Math.Max(0, x0); x < Math.Min(f.Width, x0 + band); x += 2)
        {
            var pt = new Point(x, y);
            if (vehicle.Contains(pt) || others.Any(o => o.Contains(pt))) continue;
            var p = y * f.Width + x;
            values.Add(f.Opacity[p]);
            if (f.Class[p] == PixelClass.Shade) shade++;
        }
        if (values.Count == 0) return (0f, 0f);
        values.Sort();
        return (values[values.Count / 2], shade / (float)values.Count);
    }
}

/// <summary>The features of one frame's region, its plume-core opacity, and whether the region could be measured.</summary>
internal sealed record SmokeMeasurement(float[] Features, float CoreOpacity, bool Measured);

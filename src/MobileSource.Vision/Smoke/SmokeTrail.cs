using MobileSource.Vision.Analysis;
using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The smoke trail behind a tracked vehicle, measured where the vehicle's rear was 0.2-1.0 s ago and has since left:
/// a body and its attached hard shadow move on rigidly, so that road is clear of both; exhaust puffs stay near where
/// they were emitted and keep it dark. Wet patches are in the background (opacity 0); cloud shadows and lighting
/// changes darken the control strips beside the corridor on the same rows too.
/// </summary>
internal static class SmokeTrail
{
    /// <summary>Youngest and oldest rear positions used, in frames at the detect rate (10 fps: 0.2-1.0 s).</summary>
    public const int MinAgeFrames = 2, MaxAgeFrames = 10;
    /// <summary>Clearance below the current box (box heights): the box edge wobbles, and a shadow cast backwards is attached there.</summary>
    public const double Clearance = 0.2;

    public static void Fill(float[] features, MotionFrame f, Rect vehicle, IReadOnlyList<(long Frame, Rect Box)> history, long frame,
        TravelDirection direction, IReadOnlyList<Rect> others)
    {
        for (var i = SmokeFeatures.TrailYoung; i <= SmokeFeatures.TrailCore; i++) features[i] = -1f;
        if (direction is not (TravelDirection.Away or TravelDirection.Toward) || history.Count == 0) return;
        var away = direction == TravelDirection.Away;
        // The rear edge now and at the oldest usable age.
        (long Frame, Rect Box)? oldest = null;
        foreach (var h in history)
        {
            var age = frame - h.Frame;
            if (age < MinAgeFrames || age > MaxAgeFrames) continue;
            if (oldest is null || h.Frame < oldest.Value.Frame) oldest = h;
        }
        if (oldest is not { } old) return;
        var clearance = Math.Max(2, (int)Math.Ceiling(vehicle.Height * Clearance));
        int near, far; // rows from the vehicle outwards
        if (away)
        {
            near = vehicle.Bottom + clearance;
            far = Math.Min(f.Height, old.Box.Bottom);
        }
        else
        {
            near = vehicle.Top - clearance;
            far = Math.Max(0, old.Box.Top);
        }
        var rows = away ? far - near : near - far;
        features[SmokeFeatures.TrailLength] = Math.Max(0, rows) / (float)Math.Max(1, vehicle.Height);
        if (rows < 3) return;

        var bands = new List<float>[3] { [], [], [] };
        var young = new List<float>();
        var control = new List<float>();
        int coreCount = 0, coreShade = 0;
        for (var k = 0; k < rows; k++)
        {
            var y = away ? near + k : near - 1 - k;
            if (y < 1 || y >= f.Height - 1) continue;
            var band = Math.Min(2, k * 3 / rows);
            // The box the vehicle had when its rear was on this row gives the corridor's width there (perspective).
            var box = BoxAtRow(history, y, away, vehicle);
            var x0 = Math.Max(1, box.X);
            var x1 = Math.Min(f.Width - 1, box.Right);
            var w = x1 - x0;
            if (w < 3) continue;
            var coreX0 = x0 + w / 8;
            var coreX1 = x1 - w / 8;
            for (var x = coreX0; x < coreX1; x++)
            {
                var pt = new Point(x, y);
                if (Inside(pt, vehicle, others)) continue;
                var p = y * f.Width + x;
                var op = f.Opacity[p];
                bands[band].Add(op);
                coreCount++;
                if (f.Class[p] == PixelClass.Shade) coreShade++;
                if (band == 0) young.Add(Smooth3(f, x, y));
            }
            var gap = Math.Max(1, w / 10);
            var strip = Math.Max(2, w / 2);
            for (var x = x0 - gap - strip; x < x0 - gap; x += 2) AddControl(f, x, y, vehicle, others, control);
            for (var x = x1 + gap; x < x1 + gap + strip; x += 2) AddControl(f, x, y, vehicle, others, control);
        }
        var controlMedian = control.Count >= 8 ? Percentile(control, 0.5) : 0f;
        if (control.Count >= 8) features[SmokeFeatures.TrailControl] = controlMedian;
        if (coreCount > 0) features[SmokeFeatures.TrailShadeFraction] = coreShade / (float)coreCount;
        int[] indices = [SmokeFeatures.TrailYoung, SmokeFeatures.TrailMid, SmokeFeatures.TrailOld];
        for (var b = 0; b < 3; b++)
            if (bands[b].Count >= 6) features[indices[b]] = Percentile(bands[b], 0.75) - controlMedian;
        if (young.Count >= 6) features[SmokeFeatures.TrailCore] = Percentile(young, 0.9);
    }

    private static Rect BoxAtRow(IReadOnlyList<(long Frame, Rect Box)> history, int y, bool away, Rect fallback)
    {
        var best = fallback;
        var bestDistance = int.MaxValue;
        foreach (var (_, box) in history)
        {
            var d = Math.Abs((away ? box.Bottom : box.Top) - y);
            if (d >= bestDistance) continue;
            bestDistance = d;
            best = box;
        }
        return best;
    }

    private static void AddControl(MotionFrame f, int x, int y, Rect vehicle, IReadOnlyList<Rect> others, List<float> control)
    {
        if (x < 0 || x >= f.Width) return;
        if (Inside(new Point(x, y), vehicle, others)) return;
        control.Add(f.Opacity[y * f.Width + x]);
    }

    private static bool Inside(Point pt, Rect vehicle, IReadOnlyList<Rect> others)
    {
        if (vehicle.Contains(pt)) return true;
        foreach (var o in others)
            if (o.Contains(pt)) return true;
        return false;
    }

    private static float Smooth3(MotionFrame f, int x, int y)
    {
        float sum = 0;
        for (var dy = -1; dy <= 1; dy++)
        for (var dx = -1; dx <= 1; dx++)
            sum += f.Opacity[(y + dy) * f.Width + Math.Clamp(x + dx, 0, f.Width - 1)];
        return sum / 9f;
    }

    private static float Percentile(List<float> values, double q)
    {
        values.Sort();
        return values[Math.Min(values.Count - 1, (int)(values.Count * q))];
    }
}

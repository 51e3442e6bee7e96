using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>
/// Finds a tracked vehicle's tail-lamp pair in the frame. Lamps are small saturated red spots (lit or not; at dusk a
/// round glow), side by side at the same height and of like size. The search runs over the lower part of the vehicle's
/// box and below it, where a dark chassis the motion blob missed still carries the lamps. Red that is orange (a cargo
/// box), large (a red body) or tall (a stripe) is not a lamp. Side by side vehicles in one box give several pairs: no
/// pair has a lamp between its two at their height, lamps are paired so that as many pairs as possible form (two rears
/// beat one pair made of their inner lamps), and the pair nearest the track's previous rear, else the widest, is the
/// track's.
/// </summary>
public static class RearLampFinder
{
    /// <summary>Red hue (OpenCV's 0-180 scale) either side of 0, and the least saturation and brightness of a lamp (an unlit lamp in a hard shadow reads 39, 0, 1).</summary>
    public const int MaxHueOff = 8, MinSaturation = 128, MinValue = 25;

    /// <summary>How far below the box the search reaches, as a share of the box's width (a blob that ends at the cargo box).</summary>
    public const double BelowBox = 0.8;

    /// <param name="image">The BGR frame.</param>
    /// <param name="box">The vehicle's box in <paramref name="image"/>'s coordinates.</param>
    /// <param name="previous">The rear found on an earlier frame, if any: the same vehicle's lamps are preferred.</param>
    public static VehicleRear? Find(Mat image, Rect box, VehicleRear? previous = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (box.Width < 12 || box.Height < 6) return null;
        var search = SmokeRegion.Clip(new Rect(box.X - box.Width / 10, box.Y + box.Height / 5, box.Width * 6 / 5,
            box.Height * 4 / 5 + (int)(BelowBox * box.Width)), image.Size());
        if (search.Width < 12 || search.Height < 4) return null;
        var lamps = Lamps(image, search, box.Width);
        if (lamps.Count < 2) return null;
        var pairs = Pairs(lamps, box);
        if (pairs.Count == 0) return null;
        if (previous is { } p)
        {
            var near = pairs.Where(r => Math.Abs(r.CentreX - p.CentreX) <= 0.3 * p.Span && Math.Abs(r.Span - p.Span) <= 0.3 * p.Span)
                .OrderBy(r => Math.Abs(r.CentreX - p.CentreX) + Math.Abs(r.LampY - p.LampY)).ToList();
            if (near.Count > 0) return near[0];
        }
        return pairs.MaxBy(r => r.Span);
    }

    /// <summary>
    /// Widest search (pixels) looked at in full: a wider one is sampled every n-th pixel (nearest, so a lamp keeps its
    /// colour) down to about this width. A lamp on a vehicle that big is still several pixels wide.
    /// </summary>
    public const int MaxSearchWidth = 320;

    private static List<Rect> Lamps(Mat image, Rect search, int boxWidth)
    {
        var step = (search.Width + MaxSearchWidth - 1) / MaxSearchWidth;
        using var full = image[search];
        using var sampled = step > 1 ? new Mat() : null;
        if (sampled is not null) Cv2.Resize(full, sampled, new Size(search.Width / step, search.Height / step), interpolation: InterpolationFlags.Nearest);
        var crop = sampled ?? full;
        using var hsv = new Mat();
        Cv2.CvtColor(crop, hsv, ColorConversionCodes.BGR2HSV);
        using var low = new Mat();
        using var high = new Mat();
        Cv2.InRange(hsv, new Scalar(0, MinSaturation, MinValue), new Scalar(MaxHueOff, 255, 255), low);
        Cv2.InRange(hsv, new Scalar(180 - MaxHueOff, MinSaturation, MinValue), new Scalar(180, 255, 255), high);
        Cv2.BitwiseOr(low, high, low);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var n = Cv2.ConnectedComponentsWithStats(low, labels, stats, centroids);
        var lamps = new List<Rect>();
        for (var i = 1; i < n; i++)
        {
            var r = new Rect(stats.At<int>(i, 0) * step + search.X, stats.At<int>(i, 1) * step + search.Y, stats.At<int>(i, 2) * step, stats.At<int>(i, 3) * step);
            var area = stats.At<int>(i, 4) * step * step;
            if (area < 2 || r.Width > 0.35 * boxWidth || r.Height > 0.2 * boxWidth + 2 || r.Width * 2 < r.Height) continue;
            lamps.Add(r);
        }
        return lamps;
    }

    /// <summary>
    /// The most pairs of lamps that can be formed without two pairs overlapping (lamps in order of x; a pair skips the
    /// lamps between its two), widest in total on a tie.
    /// </summary>
    private static List<VehicleRear> Pairs(List<Rect> lamps, Rect box)
    {
        lamps.Sort((a, b) => a.X.CompareTo(b.X));
        var n = lamps.Count;
        var best = new (int Count, double Span, int Next, int Partner)[n + 1];
        best[n] = (0, 0, -1, -1);
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = (best[i + 1].Count, best[i + 1].Span, i + 1, -1);
            for (var j = i + 1; j < n; j++)
            {
                if (!IsPair(lamps[i], lamps[j], box) || LampBetween(lamps, i, j)) continue;
                var rear = new VehicleRear(lamps[i], lamps[j]);
                var count = 1 + best[j + 1].Count;
                var span = rear.Span + best[j + 1].Span;
                if (count > best[i].Count || count == best[i].Count && span > best[i].Span) best[i] = (count, span, j + 1, j);
            }
        }
        var pairs = new List<VehicleRear>();
        for (var i = 0; i < n;)
        {
            var (_, _, next, partner) = best[i];
            if (partner >= 0) pairs.Add(new VehicleRear(lamps[i], lamps[partner]));
            i = next;
        }
        return pairs;
    }

    /// <summary>
    /// Whether a lamp lies between lamps <paramref name="i"/> and <paramref name="j"/> at their height: the outer lamps of
    /// two vehicles side by side are not a pair.
    /// </summary>
    private static bool LampBetween(List<Rect> lamps, int i, int j)
    {
        var rear = new VehicleRear(lamps[i], lamps[j]);
        for (var k = i + 1; k < j; k++)
        {
            var y = lamps[k].Y + lamps[k].Height / 2f;
            if (Math.Abs(y - rear.LampY) <= Math.Max(2, YTolerance * rear.Span)) return true;
        }
        return false;
    }

    /// <summary>How far the two lamp centres of a pair may differ in height, as a share of their span.</summary>
    private const double YTolerance = 0.06;

    private static bool IsPair(Rect a, Rect b, Rect box)
    {
        var rear = new VehicleRear(a, b);
        var span = rear.Span;
        // A third of the box: two trucks side by side are one box until they part.
        if (span < 6 || span < 0.3 * box.Width || span > 1.2 * box.Width) return false;
        if (rear.CentreX < box.Left || rear.CentreX > box.Right) return false;
        if (Math.Abs(rear.LeftCentre.Y - rear.RightCentre.Y) > Math.Max(2, YTolerance * span)) return false;
        if (Math.Max(a.Width, b.Width) > 0.4 * span) return false;
        return Alike(a.Width, b.Width) && Alike(a.Height, b.Height);
    }

    /// <summary>Two sizes of one pair of lamps: within 2.5x of each other, a pixel either way allowed for small lamps.</summary>
    private static bool Alike(int x, int y) => Math.Max(x, y) <= 2.5 * Math.Min(x, y) + 1;
}

using OpenCvSharp;

namespace MobileSource.Vision.Motion;

/// <summary>Vehicle blobs from the object pixels of a <see cref="MotionFrame"/>, in analysis coordinates.</summary>
internal sealed class BlobFinder : IDisposable
{
    private readonly MotionOptions _options;
    private readonly Mat _mask;
    private readonly Mat _work;
    private readonly Mat _close;
    private readonly Mat _open;
    private readonly byte[] _buffer;
    private readonly int[] _foregroundSum;

    public BlobFinder(int width, int height, MotionOptions options)
    {
        _options = options;
        _mask = new Mat(height, width, MatType.CV_8UC1);
        _work = new Mat(height, width, MatType.CV_8UC1);
        var k = Math.Max(3, (width / 48) | 1);
        _close = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(k, k));
        _open = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        _buffer = new byte[width * height];
        _foregroundSum = new int[(width + 1) * (height + 1)];
    }

    public List<Rect> Find(MotionFrame frame)
    {
        for (var p = 0; p < _buffer.Length; p++) _buffer[p] = frame.Class[p] == PixelClass.Object ? (byte)255 : (byte)0;
        System.Runtime.InteropServices.Marshal.Copy(_buffer, 0, _mask.Data, _buffer.Length);
        Cv2.MorphologyEx(_mask, _work, MorphTypes.Open, _open);
        Cv2.MorphologyEx(_work, _mask, MorphTypes.Close, _close);
        Cv2.FindContours(_mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var minArea = _options.MinBlobAreaFraction * frame.Width * frame.Height;
        var boxes = new List<Rect>();
        foreach (var c in contours)
        {
            var r = Cv2.BoundingRect(c);
            if (r.Width * r.Height >= minArea / 3 && r.Width >= 3 && r.Height >= 3) boxes.Add(r);
        }
        Merge(boxes);
        SumForeground(frame);
        MergeFilled(boxes, frame.Width, frame.Height);
        boxes.RemoveAll(r => r.Width * r.Height < minArea);
        return boxes;
    }

    /// <summary>Summed-area table of foreground (shade or object) pixels.</summary>
    private void SumForeground(MotionFrame f)
    {
        var w = f.Width + 1;
        for (var y = 0; y < f.Height; y++)
        {
            var row = 0;
            for (var x = 0; x < f.Width; x++)
            {
                row += f.Class[y * f.Width + x] == PixelClass.Background ? 0 : 1;
                _foregroundSum[(y + 1) * w + x + 1] = _foregroundSum[y * w + x + 1] + row;
            }
        }
    }

    private double ForegroundFraction(Rect r, int width)
    {
        var w = width + 1;
        var sum = _foregroundSum[r.Bottom * w + r.Right] - _foregroundSum[r.Top * w + r.Right]
                  - _foregroundSum[r.Bottom * w + r.Left] + _foregroundSum[r.Top * w + r.Left];
        return sum / (double)Math.Max(1, r.Width * r.Height);
    }

    /// <summary>
    /// Joins pieces of a dark vehicle: its body darkens the road like a shadow would, so only lamps, plate and
    /// trim are object pixels. Pieces whose union is mostly foreground and vehicle-shaped are one vehicle.
    /// </summary>
    private void MergeFilled(List<Rect> boxes, int width, int height)
    {
        bool merged;
        do
        {
            merged = false;
            for (var i = 0; i < boxes.Count && !merged; i++)
            for (var j = i + 1; j < boxes.Count && !merged; j++)
            {
                var u = boxes[i] | boxes[j];
                if (u.Width > 0.6 * width || u.Height > 1.4 * u.Width) continue;
                if (ForegroundFraction(u, width) < 0.7 || SeparatedByRoad(boxes[i], boxes[j], width)) continue;
                boxes[i] = u;
                boxes.RemoveAt(j);
                merged = true;
            }
        } while (merged);
    }

    /// <summary>
    /// Two vehicles side by side (or one behind the other) leave a strip of bare road between them; the pieces of one
    /// dark vehicle are joined by its shade-classed body. A column (or row) between the pieces, over the span they
    /// share, that is mostly background separates them.
    /// </summary>
    private bool SeparatedByRoad(Rect a, Rect b, int width)
    {
        var (left, right) = a.Left <= b.Left ? (a, b) : (b, a);
        var top = Math.Max(a.Top, b.Top);
        var bottom = Math.Min(a.Bottom, b.Bottom);
        if (right.Left > left.Right && bottom - top >= 3)
            for (var x = left.Right; x < right.Left; x++)
                if (ForegroundFraction(new Rect(x, top, 1, bottom - top), width) < MaxGapForeground) return true;
        var (upper, lower) = a.Top <= b.Top ? (a, b) : (b, a);
        var x0 = Math.Max(a.Left, b.Left);
        var x1 = Math.Min(a.Right, b.Right);
        if (lower.Top > upper.Bottom && x1 - x0 >= 3)
            for (var y = upper.Bottom; y < lower.Top; y++)
                if (ForegroundFraction(new Rect(x0, y, x1 - x0, 1), width) < MaxGapForeground) return true;
        return false;
    }

    /// <summary>Largest share of foreground in a strip between two pieces that still counts as bare road.</summary>
    private const double MaxGapForeground = 0.25;

    /// <summary>Joins pieces of one vehicle (roof and bumper split by a uniform body colour): stacked, overlapping columns, small gap.</summary>
    internal static void Merge(List<Rect> boxes)
    {
        bool merged;
        do
        {
            merged = false;
            for (var i = 0; i < boxes.Count && !merged; i++)
            for (var j = i + 1; j < boxes.Count && !merged; j++)
            {
                var a = boxes[i];
                var b = boxes[j];
                var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var gapY = Math.Max(a.Top, b.Top) - Math.Min(a.Bottom, b.Bottom);
                var narrow = Math.Min(a.Width, b.Width);
                var tall = Math.Max(a.Height, b.Height);
                var union = a | b;
                var contained = (a & b) == (a.Width * a.Height < b.Width * b.Height ? a : b);
                if (contained || (overlapX > 0.6 * narrow && gapY < 0.25 * tall && union.Width < 1.3 * Math.Max(a.Width, b.Width)))
                {
                    boxes[i] = union;
                    boxes.RemoveAt(j);
                    merged = true;
                }
            }
        } while (merged);
    }

    public void Dispose()
    {
        _mask.Dispose();
        _work.Dispose();
        _close.Dispose();
        _open.Dispose();
    }
}

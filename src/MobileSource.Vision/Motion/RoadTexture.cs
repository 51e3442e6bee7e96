namespace MobileSource.Vision.Motion;

/// <summary>
/// Whether a darkened pixel still shows the road's texture. A shadow or a plume only dims the light, so the frame
/// follows the background's lane-line edges and grain at a reduced contrast (I = r * B); an opaque body (a black
/// truck) hides them. Decided from the least-squares slope of I on B over a small window, and only where the
/// background has texture enough to tell; elsewhere the pixel keeps its class.
/// </summary>
internal sealed class RoadTexture(int width, int height, MotionOptions options)
{
    private readonly int _w = width + 1;
    private readonly double[] _i = new double[(width + 1) * (height + 1)];
    private readonly double[] _b = new double[(width + 1) * (height + 1)];
    private readonly double[] _ii = new double[(width + 1) * (height + 1)];
    private readonly double[] _bb = new double[(width + 1) * (height + 1)];
    private readonly double[] _ib = new double[(width + 1) * (height + 1)];

    /// <summary>Builds the window sums for this frame's grey and the (gain-scaled) background grey.</summary>
    public void Prepare(float[] grey, float[] backgroundGrey)
    {
        for (var y = 0; y < height; y++)
        {
            double ri = 0, rb = 0, rii = 0, rbb = 0, rib = 0;
            for (var x = 0; x < width; x++)
            {
                var p = y * width + x;
                double i = grey[p], b = backgroundGrey[p];
                ri += i; rb += b; rii += i * i; rbb += b * b; rib += i * b;
                var q = (y + 1) * _w + x + 1;
                var up = y * _w + x + 1;
                _i[q] = _i[up] + ri;
                _b[q] = _b[up] + rb;
                _ii[q] = _ii[up] + rii;
                _bb[q] = _bb[up] + rbb;
                _ib[q] = _ib[up] + rib;
            }
        }
    }

    /// <summary>True when the background around (x, y) is textured and the frame does not follow it.</summary>
    public bool Hidden(int x, int y)
    {
        var r = options.TextureRadius;
        int x0 = Math.Max(0, x - r), x1 = Math.Min(width, x + r + 1), y0 = Math.Max(0, y - r), y1 = Math.Min(height, y + r + 1);
        double n = (x1 - x0) * (y1 - y0);
        var mb = Sum(_b, x0, y0, x1, y1) / n;
        var varB = Sum(_bb, x0, y0, x1, y1) / n - mb * mb;
        if (varB < options.MinTextureVariance) return false;
        var mi = Sum(_i, x0, y0, x1, y1) / n;
        var slope = (Sum(_ib, x0, y0, x1, y1) / n - mi * mb) / varB;
        // A dimmed road follows its background at the mean ratio; an opaque body at about none of it.
        return slope < options.HiddenTextureShare * (mi / Math.Max(1.0, mb));
    }

    private double Sum(double[] s, int x0, int y0, int x1, int y1) =>
        s[y1 * _w + x1] - s[y0 * _w + x1] - s[y1 * _w + x0] + s[y0 * _w + x0];
}

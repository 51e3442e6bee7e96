using System.Runtime.InteropServices;
using OpenCvSharp;

namespace MobileSource.Vision.Motion;

/// <summary>
/// Background subtraction on a downscaled frame: classifies every pixel as background, shade (darkened with
/// unchanged chromaticity: smoke or shadow) or object (a vehicle), and finds vehicle blobs.
/// </summary>
internal sealed class MotionAnalyzer : IDisposable
{
    private readonly MotionOptions _options;
    private readonly BackgroundModel _background;
    private readonly Mat _small;
    private readonly float[] _ratioSamples;
    private readonly RoadTexture _texture;
    private MotionFrame _current;
    private MotionFrame _previous;

    public MotionAnalyzer(int width, int height, MotionOptions options)
    {
        _options = options;
        Width = width;
        Height = height;
        _background = new BackgroundModel(width, height, options);
        _small = new Mat(height, width, MatType.CV_8UC3);
        _ratioSamples = new float[(width / 4 + 1) * (height / 4 + 1)];
        _texture = new RoadTexture(width, height, options);
        _current = new MotionFrame(width, height);
        _previous = new MotionFrame(width, height);
    }

    public int Width { get; }
    public int Height { get; }
    public MotionFrame Current => _current;
    /// <summary>The frame before <see cref="Current"/> (same buffers reused, so valid until the next call).</summary>
    public MotionFrame Previous => _previous;
    public BackgroundModel Background => _background;

    /// <summary>Downscales and classifies a full-size BGR frame; returns the analysis frame.</summary>
    public MotionFrame Analyze(Mat frameBgr)
    {
        (_previous, _current) = (_current, _previous);
        var f = _current;
        Cv2.Resize(frameBgr, _small, new Size(Width, Height), 0, 0, InterpolationFlags.Area);
        if (!_small.IsContinuous()) throw new InvalidOperationException("analysis frame is not continuous");
        Marshal.Copy(_small.Data, f.Bgr, 0, f.Bgr.Length);
        ToGrey(f.Bgr, f.Grey);
        Sobel(f.Grey, f.Gradient, Width, Height);

        f.BackgroundReady = _background.IsWarm;
        if (!f.BackgroundReady)
        {
            Array.Clear(f.Class);
            Array.Clear(f.Opacity);
            ToGrey(_background.Bgr, f.BackgroundGrey);
            _background.Learn(f.Bgr, null);
            f.ForegroundFraction = 0;
            return f;
        }
        Classify(f);
        _background.Learn(f.Bgr, f.Class);
        return f;
    }

    private void Classify(MotionFrame f)
    {
        var bg = _background.Bgr;
        ToGrey(bg, f.BackgroundGrey);
        f.Gain = EstimateGain(f.Grey, f.BackgroundGrey, _previous);
        var gain = f.Gain;
        var o = _options;
        for (var p = 0; p < f.BackgroundGrey.Length; p++) f.BackgroundGrey[p] *= gain;
        var useTexture = o.MinTextureVariance > 0;
        if (useTexture) _texture.Prepare(f.Grey, f.BackgroundGrey);
        var foreground = 0;
        for (int p = 0, i = 0; p < f.Grey.Length; p++, i += 3)
        {
            float b0 = bg[i] * gain, b1 = bg[i + 1] * gain, b2 = bg[i + 2] * gain;
            float c0 = f.Bgr[i], c1 = f.Bgr[i + 1], c2 = f.Bgr[i + 2];
            var bGrey = f.BackgroundGrey[p];
            var ratio = (f.Grey[p] + 1f) / (bGrey + 1f);
            f.Opacity[p] = bGrey < 12f ? 0f : Math.Clamp(1f - ratio, 0f, 1f);
            var diff = Math.Max(Math.Abs(c0 - b0), Math.Max(Math.Abs(c1 - b1), Math.Abs(c2 - b2)));
            if (diff <= o.ForegroundThreshold)
            {
                f.Class[p] = PixelClass.Background;
                continue;
            }
            foreground++;
            float sc = c0 + c1 + c2 + 3f, sb = b0 + b1 + b2 + 3f;
            var chroma = Math.Max(Math.Abs(c0 / sc - b0 / sb), Math.Max(Math.Abs(c1 / sc - b1 / sb), Math.Abs(c2 / sc - b2 / sb)));
            // Chromaticity of dark pixels is dominated by noise and compression: allow more there.
            var tolerance = o.ShadeChromaTolerance * (sc < 90f ? 2.2f : sc < 180f ? 1.4f : 1f);
            // Normalised chromaticity is noise on very dark pixels (dense smoke at dusk): a pixel that is the background
            // scaled by its brightness ratio within a few grey levels in every channel has not changed colour either.
            var residual = Math.Max(Math.Abs(c0 - ratio * b0), Math.Max(Math.Abs(c1 - ratio * b1), Math.Abs(c2 - ratio * b2)));
            var shade = ratio < 0.97f && (chroma <= tolerance || residual <= o.ShadeResidual);
            if (shade && ratio < o.DarkBodyRatio && f.Gradient[p] > o.DarkBodyGradient) shade = false;
            if (shade && useTexture && _texture.Hidden(p % Width, p / Width)) shade = false;
            f.Class[p] = shade ? PixelClass.Shade : PixelClass.Object;
        }
        f.ForegroundFraction = foreground / (double)f.Grey.Length;
    }

    /// <summary>
    /// Global brightness change against the background, from pixels that were background on the previous frame
    /// (a truck filling half the view must not pass for a lighting change), smoothed over frames.
    /// </summary>
    private float EstimateGain(float[] grey, float[] bgGrey, MotionFrame previous)
    {
        var last = previous.BackgroundReady ? previous.Gain : 1f;
        var n = 0;
        for (var y = 2; y < Height; y += 4)
        for (var x = 2; x < Width; x += 4)
        {
            var p = y * Width + x;
            if (bgGrey[p] > 15f && (!previous.BackgroundReady || previous.Class[p] == PixelClass.Background))
                _ratioSamples[n++] = grey[p] / bgGrey[p];
        }
        if (n < _ratioSamples.Length / 10) return last;
        var span = _ratioSamples.AsSpan(0, n);
        span.Sort();
        return Math.Clamp(0.6f * last + 0.4f * span[n / 2], 0.5f, 2f);
    }

    private static void ToGrey(byte[] bgr, float[] grey)
    {
        for (int p = 0, i = 0; p < grey.Length; p++, i += 3)
            grey[p] = 0.114f * bgr[i] + 0.587f * bgr[i + 1] + 0.299f * bgr[i + 2];
    }

    private static void ToGrey(float[] bgr, float[] grey)
    {
        for (int p = 0, i = 0; p < grey.Length; p++, i += 3)
            grey[p] = 0.114f * bgr[i] + 0.587f * bgr[i + 1] + 0.299f * bgr[i + 2];
    }

    internal static void Sobel(float[] src, float[] dst, int w, int h)
    {
        Array.Clear(dst);
        for (var y = 1; y < h - 1; y++)
        {
            var r = y * w;
            for (var x = 1; x < w - 1; x++)
            {
                var p = r + x;
                var gx = src[p - w + 1] + 2 * src[p + 1] + src[p + w + 1] - src[p - w - 1] - 2 * src[p - 1] - src[p + w - 1];
                var gy = src[p + w - 1] + 2 * src[p + w] + src[p + w + 1] - src[p - w - 1] - 2 * src[p - w] - src[p - w + 1];
                dst[p] = Math.Abs(gx) + Math.Abs(gy);
            }
        }
    }

    public void Dispose() => _small.Dispose();
}

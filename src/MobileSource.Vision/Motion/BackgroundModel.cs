namespace MobileSource.Vision.Motion;

/// <summary>
/// A running-average colour background at analysis resolution. It starts as the per-pixel median of a few frames
/// spread over the first seconds, so traffic already in view when a camera starts does not become road (an average
/// of the first frames would hold a smear of every vehicle present, and that vehicle would be missed as it drives
/// off). After that, pixels judged foreground are learned far more slowly than the rest, so a passing vehicle or
/// plume does not bleed into the background. A foreground pixel that has not changed for
/// <see cref="MotionOptions.StaticForegroundFrames"/> frames is learned at the road's rate: nothing moving looks the
/// same that long, so it is a ghost (road a vehicle covered while the background was learned) or a parked object.
/// </summary>
internal sealed class BackgroundModel(int width, int height, MotionOptions options)
{
    private readonly float[] _bgr = new float[width * height * 3];
    private readonly List<byte[]> _warmup = [];
    private readonly float[] _recent = new float[width * height * 3];
    private readonly ushort[] _unchanged = new ushort[width * height];
    private int _offered;

    public int Width { get; } = width;
    public int Height { get; } = height;
    public float[] Bgr => _bgr;
    public bool IsWarm { get; private set; }

    /// <summary>Learns the frame; <paramref name="pixelClass"/> (may be null during warm-up) slows learning under foreground.</summary>
    public void Learn(byte[] frameBgr, byte[]? pixelClass)
    {
        if (!IsWarm)
        {
            if (_offered++ % Math.Max(1, options.WarmupStride) == 0) Sample(frameBgr);
            return;
        }
        for (int p = 0, i = 0; p < Width * Height; p++, i += 3)
        {
            var change = Math.Max(Math.Abs(frameBgr[i] - _recent[i]), Math.Max(Math.Abs(frameBgr[i + 1] - _recent[i + 1]), Math.Abs(frameBgr[i + 2] - _recent[i + 2])));
            if (change <= options.StaticChange)
            {
                _unchanged[p] = (ushort)Math.Min(_unchanged[p] + 1, ushort.MaxValue);
                _recent[i] += RecentRate * (frameBgr[i] - _recent[i]);
                _recent[i + 1] += RecentRate * (frameBgr[i + 1] - _recent[i + 1]);
                _recent[i + 2] += RecentRate * (frameBgr[i + 2] - _recent[i + 2]);
            }
            else
            {
                _unchanged[p] = 0;
                _recent[i] = frameBgr[i];
                _recent[i + 1] = frameBgr[i + 1];
                _recent[i + 2] = frameBgr[i + 2];
            }
            var road = pixelClass is null || pixelClass[p] == PixelClass.Background || _unchanged[p] >= options.StaticForegroundFrames;
            var a = road ? options.BackgroundLearningRate : options.ForegroundLearningRate;
            _bgr[i] += a * (frameBgr[i] - _bgr[i]);
            _bgr[i + 1] += a * (frameBgr[i + 1] - _bgr[i + 1]);
            _bgr[i + 2] += a * (frameBgr[i + 2] - _bgr[i + 2]);
        }
    }

    /// <summary>
    /// How fast the reference a pixel's stillness is judged against follows it. Judged against the last frame alone,
    /// sensor noise re-encoded at every key frame broke the count, and a ghost on a noisy road was never learned.
    /// </summary>
    private const float RecentRate = 0.3f;

    private void Sample(byte[] frameBgr)
    {
        _warmup.Add((byte[])frameBgr.Clone());
        if (_warmup.Count < Math.Max(1, options.WarmupFrames))
        {
            // Until the median is ready the background is the latest sample (only used for diagnostics).
            for (var i = 0; i < _bgr.Length; i++) _bgr[i] = frameBgr[i];
            return;
        }
        var values = new byte[_warmup.Count];
        for (var i = 0; i < _bgr.Length; i++)
        {
            for (var k = 0; k < values.Length; k++) values[k] = _warmup[k][i];
            Array.Sort(values);
            _bgr[i] = values[values.Length / 2];
        }
        _warmup.Clear();
        for (var i = 0; i < _recent.Length; i++) _recent[i] = frameBgr[i];
        IsWarm = true;
    }
}

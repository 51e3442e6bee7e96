namespace MobileSource.Vision.Motion;

/// <summary>
/// A running-average colour background at analysis resolution. Pixels judged foreground are learned far more
/// slowly than the rest, so a passing vehicle or plume does not bleed into the background while a parked
/// object (or a vehicle present at start-up) fades in within tens of seconds.
/// </summary>
internal sealed class BackgroundModel(int width, int height, MotionOptions options)
{
    private readonly float[] _bgr = new float[width * height * 3];
    private int _frames;

    public int Width { get; } = width;
    public int Height { get; } = height;
    public float[] Bgr => _bgr;
    public bool IsWarm => _frames >= options.WarmupFrames;

    /// <summary>Learns the frame; <paramref name="pixelClass"/> (may be null during warm-up) slows learning under foreground.</summary>
    public void Learn(byte[] frameBgr, byte[]? pixelClass)
    {
        if (_frames == 0)
        {
            for (var i = 0; i < _bgr.Length; i++) _bgr[i] = frameBgr[i];
        }
        else
        {
            var warm = IsWarm;
            var cumulative = 1f / (_frames + 1);
            for (int p = 0, i = 0; p < Width * Height; p++, i += 3)
            {
                float a = !warm ? cumulative
                    : pixelClass is null || pixelClass[p] == PixelClass.Background ? options.BackgroundLearningRate
                    : options.ForegroundLearningRate;
                _bgr[i] += a * (frameBgr[i] - _bgr[i]);
                _bgr[i + 1] += a * (frameBgr[i + 1] - _bgr[i + 1]);
                _bgr[i + 2] += a * (frameBgr[i + 2] - _bgr[i + 2]);
            }
        }
        _frames++;
    }
}

namespace MobileSource.Vision.Motion;

/// <summary>One frame at analysis resolution against the learned background (row-major arrays).</summary>
internal sealed class MotionFrame(int width, int height)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Bgr { get; } = new byte[width * height * 3];
    public float[] Grey { get; } = new float[width * height];
    /// <summary>The background's grey, times <see cref="Gain"/>.</summary>
    public float[] BackgroundGrey { get; } = new float[width * height];
    /// <summary>1 - I/B clamped to 0-1: the fraction of background light the pixel lost.</summary>
    public float[] Opacity { get; } = new float[width * height];
    /// <summary>Sobel magnitude (|gx| + |gy|) of the current grey.</summary>
    public float[] Gradient { get; } = new float[width * height];
    public byte[] Class { get; } = new byte[width * height];
    /// <summary>Global brightness of this frame relative to the background (lighting changes).</summary>
    public float Gain { get; set; } = 1f;
    public double ForegroundFraction { get; set; }
    public bool BackgroundReady { get; set; }
}

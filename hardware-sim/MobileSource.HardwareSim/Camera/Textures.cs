using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>Small random tiles made once per scene (the only per-pixel loops): asphalt grain and sensor noise.</summary>
internal static class Textures
{
    /// <summary>A grey grain tile around <paramref name="baseColour"/> with speckles, for perspective-mapped road surfaces.</summary>
    public static SKImage Grain(int seed, SKColor baseColour, int spread, int size = 256)
    {
        var rng = new Random(seed);
        var info = new SKImageInfo(size, size, SKColorType.Bgra8888, SKAlphaType.Premul);
        var pixels = new byte[size * size * 4];
        for (var i = 0; i < size * size; i++)
        {
            var d = (int)((rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * spread);
            if (rng.NextDouble() < 0.01)
            {
                d += rng.Next(2) == 0 ? 2 * spread : -2 * spread; // stones and tar spots
            }
            pixels[i * 4] = Clamp(baseColour.Blue + d);
            pixels[i * 4 + 1] = Clamp(baseColour.Green + d);
            pixels[i * 4 + 2] = Clamp(baseColour.Red + d);
            pixels[i * 4 + 3] = 255;
        }
        return FromPixels(info, pixels);
    }

    /// <summary>Noise frames are this much larger than the video so each frame can shift them.</summary>
    public const int NoiseMargin = 16;

    /// <summary>
    /// A frame of sensor noise as black with per-pixel alpha: drawn SrcOver it multiplies each pixel by (1 - a), a gain
    /// noise of relative standard deviation <paramref name="sigma"/> around a 5% mean darkening.
    /// </summary>
    public static SKImage SensorNoise(int seed, float sigma, int width, int height)
    {
        var info = new SKImageInfo(width + NoiseMargin, height + NoiseMargin, SKColorType.Bgra8888, SKAlphaType.Premul);
        var pixels = new byte[info.BytesSize];
        var state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 1;
        var mean = 0.05f * 255;
        var spread = sigma * 255 * 2.45f; // a triangular distribution on [-1, 1] has sd 1/sqrt(6)
        for (var i = 3; i < pixels.Length; i += 4)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var u = ((state & 0xFFFF) + ((state >> 16) & 0xFFFF)) / 65535f - 1f; // triangular in [-1, 1]
            pixels[i] = Clamp((int)(mean + u * spread));
        }
        return FromPixels(info, pixels);
    }

    private static SKImage FromPixels(SKImageInfo info, byte[] pixels)
    {
        using var data = SKData.CreateCopy(pixels);
        return SKImage.FromPixels(info, data, info.RowBytes);
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}

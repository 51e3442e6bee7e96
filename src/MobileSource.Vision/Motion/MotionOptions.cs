namespace MobileSource.Vision.Motion;

/// <summary>Motion gating and background subtraction, in analysis-resolution units (grey levels 0-255).</summary>
public sealed record MotionOptions
{
    /// <summary>Frames whose per-pixel median is the first background, taken every <see cref="WarmupStride"/> frames, before anything is detected.</summary>
    public int WarmupFrames { get; init; } = 9;
    public int WarmupStride { get; init; } = 4;
    public float BackgroundLearningRate { get; init; } = 0.05f;
    public float ForegroundLearningRate { get; init; } = 0.004f;
    /// <summary>
    /// Frames a foreground pixel must stay unchanged (within <see cref="StaticChange"/> grey levels of its recent mean)
    /// before it is learned as road: 5 s at 10 fps, longer than any moving vehicle's uniform roof covers one pixel (a
    /// truck far down the road, moving a pixel a frame, covers one for 2-3 s; 3 s cost recall on validation).
    /// </summary>
    public int StaticForegroundFrames { get; init; } = 50;
    public int StaticChange { get; init; } = 10;
    /// <summary>Largest per-channel difference from the background that still counts as background.</summary>
    public float ForegroundThreshold { get; init; } = 18f;
    /// <summary>Largest chromaticity change of a pixel that only darkened (smoke, shadow).</summary>
    public float ShadeChromaTolerance { get; init; } = 0.045f;
    /// <summary>Grey levels by which a darkened pixel may differ from the background scaled by its ratio and still be shade.</summary>
    public float ShadeResidual { get; init; } = 6f;
    /// <summary>Very dark pixels (I/B below this) with a hard edge are vehicle body, not smoke.</summary>
    public float DarkBodyRatio { get; init; } = 0.45f;
    public float DarkBodyGradient { get; init; } = 140f;
    /// <summary>
    /// Darkened pixels that hide the road's texture are an opaque body, not shadow or smoke (<see cref="RoadTexture"/>):
    /// window radius, the background variance below which there is no texture to judge by, and the share of the
    /// mean ratio the frame's slope on the background must reach to count as dimmed road. 0 variance: off.
    /// </summary>
    public int TextureRadius { get; init; } = 2;
    public float MinTextureVariance { get; init; } = 36f;
    public float HiddenTextureShare { get; init; } = 0.4f;
    /// <summary>Smallest vehicle blob as a fraction of the analysis frame area.</summary>
    public double MinBlobAreaFraction { get; init; } = 0.004;
}

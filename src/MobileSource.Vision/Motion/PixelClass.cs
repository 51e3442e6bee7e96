namespace MobileSource.Vision.Motion;

/// <summary>What one analysis pixel is against the background.</summary>
internal static class PixelClass
{
    public const byte Background = 0;
    /// <summary>Darker than the background with the same chromaticity: smoke or shadow.</summary>
    public const byte Shade = 1;
    /// <summary>Changed in colour or brightened, or very dark with a hard edge: a vehicle.</summary>
    public const byte Object = 2;
}

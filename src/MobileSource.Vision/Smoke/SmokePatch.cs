namespace MobileSource.Vision.Smoke;

/// <summary>
/// The region behind a vehicle as a small multi-channel image, the input of the patch model: the region is resampled
/// to <see cref="Size"/> x <see cref="Size"/> cells, row 0 next to the vehicle and row <see cref="Size"/> - 1 at the
/// region's far end, whatever the travel direction. Each channel is a cell mean; layout [channel][row][column].
/// </summary>
public static class SmokePatch
{
    public const int Size = 24;
    /// <summary>1 - I/B: the fraction of the background's light the pixel lost.</summary>
    public const int Opacity = 0;
    /// <summary>Share of pixels classed shade (darker than the background without an object's edges).</summary>
    public const int Shade = 1;
    /// <summary>Share of pixels inside this or another vehicle's box: not road, not measured.</summary>
    public const int Excluded = 2;
    /// <summary>|opacity - opacity on the previous frame| at the same pixels: smoke churns, a shadow or wet patch does not.</summary>
    public const int Churn = 3;
    public const int Channels = 4;
    public const int Length = Channels * Size * Size;
}

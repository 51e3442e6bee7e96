namespace MobileSource.Vision.Analysis;

/// <summary>Ringelmann level from plume opacity: level N is about 20N % blackness, i.e. 5(1 - I/B).</summary>
public static class RingelmannScale
{
    public const double Step = 0.25;

    public static double FromOpacity(double opacity) => Quantize(5.0 * opacity);

    public static double Quantize(double level) => Math.Clamp(Math.Round(level / Step) * Step, 0, 5);

    /// <summary>A track's level before calibration: the median of its positive frames' levels; 0 for none.</summary>
    public static double TrackMedian(IEnumerable<float> frameLevels)
    {
        var sorted = frameLevels.Order().ToList();
        var n = sorted.Count;
        if (n == 0) return 0;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}

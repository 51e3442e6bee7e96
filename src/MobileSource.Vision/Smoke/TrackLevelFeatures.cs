namespace MobileSource.Vision.Smoke;

/// <summary>
/// The input of the track level model (models/ringelmann-track-model.zip): how a smoky track's positive frames were
/// read (the spread of their per-frame levels, not only the median) and its <see cref="TrackSmokeFeatures"/> (the
/// light, the distance, how sure the frames were). A straight line from the median cannot know that a faint, far or
/// dusk plume is read high while a dense one near the camera is read low. The order is the model's input layout.
/// </summary>
public static class TrackLevelFeatures
{
    public static readonly string[] Names =
    [
        "levelMedian", "levelP25", "levelP75", "levelMin", "levelMax", "levelMean", "levelCount",
        .. TrackSmokeFeatures.Names,
    ];

    private const int LevelSummaryCount = 7;
    /// <summary>The index of the median frame level.</summary>
    public const int Median = 0;
    public const int Count = LevelSummaryCount + TrackSmokeFeatures.Count;

    /// <param name="positiveLevels">The per-frame levels of the track's positive frames so far.</param>
    /// <param name="trackFeatures">The track's <see cref="TrackSmokeFeatures"/> over the same frames.</param>
    public static float[] Compute(IReadOnlyList<float> positiveLevels, float[] trackFeatures)
    {
        if (trackFeatures.Length != TrackSmokeFeatures.Count)
            throw new ArgumentException($"expected {TrackSmokeFeatures.Count} track features, got {trackFeatures.Length}", nameof(trackFeatures));
        var f = new float[Count];
        if (positiveLevels.Count > 0)
        {
            var sorted = positiveLevels.Order().ToArray();
            f[Median] = (float)Analysis.RingelmannScale.TrackMedian(sorted);
            f[1] = Quantile(sorted, 0.25);
            f[2] = Quantile(sorted, 0.75);
            f[3] = sorted[0];
            f[4] = sorted[^1];
            f[5] = sorted.Average();
            f[6] = sorted.Length;
        }
        Array.Copy(trackFeatures, 0, f, LevelSummaryCount, trackFeatures.Length);
        return f;
    }

    /// <summary>Linear interpolation between the closest ranks of <paramref name="sorted"/>.</summary>
    internal static float Quantile(float[] sorted, double q)
    {
        var at = q * (sorted.Length - 1);
        var below = (int)Math.Floor(at);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return (float)(sorted[below] + (at - below) * (sorted[above] - sorted[below]));
    }
}

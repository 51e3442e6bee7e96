namespace MobileSource.Vision.Smoke;

/// <summary>
/// The track-level feature vector: a summary of one track's measured frames so far (per-frame smoke scores, levels,
/// plume-core opacity, box size), the input of the track model that decides whether the vehicle is smoky. Counting
/// positive frames against fixed gates (3 in a row, mean score 0.8) misses the faint plume whose scores hover at
/// 0.55-0.75 over twenty frames and passes the shadow that scores 0.9 on four; a model over the whole sequence weighs
/// both. The order is the model's input layout: append new features at the end and retrain.
/// </summary>
public static class TrackSmokeFeatures
{
    public static readonly string[] Names =
    [
        "measured", "positives", "positiveShare", "meanScore", "medianScore", "maxScore", "top3Mean", "positiveMean",
        "longestRun06", "longestRun08", "last5Mean", "scoreStd", "shareAbove08", "shareBelow02", "positiveMedianCore", "meanRise",
        .. SmokeFeatures.Names.Select(n => "median:" + n),
    ];

    private const int ScoreSummaryCount = 16;
    public const int Count = ScoreSummaryCount + SmokeFeatures.Count;

    /// <summary>The frame score at which a frame counts as positive in these features.</summary>
    public const float PositiveScore = 0.6f;

    /// <summary>The summary of a track's measured frames, oldest first: their model scores and <see cref="SmokeFeatures"/>.</summary>
    public static float[] Compute(IReadOnlyList<float> scores, IReadOnlyList<float[]> frames)
    {
        var n = scores.Count;
        if (frames.Count != n) throw new ArgumentException($"expected {n} frame feature vectors, got {frames.Count}", nameof(frames));
        var f = new float[Count];
        if (n == 0) return f;
        var sorted = scores.Order().ToArray();
        var positives = 0;
        double sum = 0, positiveSum = 0, sumSquares = 0, rise = 0;
        int run06 = 0, run08 = 0, longest06 = 0, longest08 = 0, above08 = 0, below02 = 0;
        var positiveCores = new List<float>();
        for (var i = 0; i < n; i++)
        {
            var s = scores[i];
            sum += s;
            sumSquares += s * s;
            if (i > 0) rise += Math.Abs(s - scores[i - 1]);
            run06 = s >= PositiveScore ? run06 + 1 : 0;
            run08 = s >= 0.8f ? run08 + 1 : 0;
            longest06 = Math.Max(longest06, run06);
            longest08 = Math.Max(longest08, run08);
            if (s >= 0.8f) above08++;
            if (s < 0.2f) below02++;
            if (s >= PositiveScore)
            {
                positives++;
                positiveSum += s;
                positiveCores.Add(frames[i][SmokeFeatures.CoreOpacity]);
            }
        }
        var mean = sum / n;
        f[0] = n;
        f[1] = positives;
        f[2] = positives / (float)n;
        f[3] = (float)mean;
        f[4] = Median(sorted);
        f[5] = sorted[^1];
        f[6] = (float)sorted.TakeLast(3).Average();
        f[7] = positives == 0 ? 0 : (float)(positiveSum / positives);
        f[8] = longest06;
        f[9] = longest08;
        f[10] = (float)scores.Skip(Math.Max(0, n - 5)).Average();
        f[11] = (float)Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean));
        f[12] = above08 / (float)n;
        f[13] = below02 / (float)n;
        f[14] = Median(positiveCores.Order().ToArray());
        // Mean frame-to-frame change of the score: a shadow or a passing plume flickers in and out.
        f[15] = n < 2 ? 0 : (float)(rise / (n - 1));
        var column = new float[n];
        for (var k = 0; k < SmokeFeatures.Count; k++)
        {
            for (var i = 0; i < n; i++) column[i] = frames[i][k];
            Array.Sort(column);
            f[ScoreSummaryCount + k] = Median(column);
        }
        return f;
    }

    private static float Median(float[] sorted) =>
        sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

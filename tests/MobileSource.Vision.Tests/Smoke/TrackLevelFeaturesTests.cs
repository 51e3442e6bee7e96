using MobileSource.Analyze;
using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Smoke;

public class TrackLevelFeaturesTests
{
    private static float Feature(float[] f, string name) => f[Array.IndexOf(TrackLevelFeatures.Names, name)];

    [Fact]
    public void The_levels_are_summarised_and_the_track_features_follow_them()
    {
        var track = Enumerable.Range(0, TrackSmokeFeatures.Count).Select(i => (float)i).ToArray();

        var f = TrackLevelFeatures.Compute([3f, 1f, 2f, 5f, 4f], track);

        Assert.Equal(TrackLevelFeatures.Count, TrackLevelFeatures.Names.Length);
        Assert.Equal(TrackLevelFeatures.Count, f.Length);
        Assert.Equal(3, Feature(f, "levelMedian"));
        Assert.Equal(2, Feature(f, "levelP25"));
        Assert.Equal(4, Feature(f, "levelP75"));
        Assert.Equal(1, Feature(f, "levelMin"));
        Assert.Equal(5, Feature(f, "levelMax"));
        Assert.Equal(3, Feature(f, "levelMean"));
        Assert.Equal(5, Feature(f, "levelCount"));
        Assert.Equal(track, f[^TrackSmokeFeatures.Count..]);
    }

    [Fact]
    public void Quartiles_interpolate_between_ranks_and_a_track_without_levels_reads_zero()
    {
        Assert.Equal(1.75f, TrackLevelFeatures.Quantile([1f, 2f, 3f, 4f], 0.25), 5);
        var none = TrackLevelFeatures.Compute([], new float[TrackSmokeFeatures.Count]);
        Assert.All(none, v => Assert.Equal(0, v));
        Assert.Throws<ArgumentException>(() => TrackLevelFeatures.Compute([1f], new float[3]));
    }

    [Fact]
    public void Level_samples_are_taken_where_a_capture_is_decided()
    {
        // Positives (>= 0.6) at indexes 1, 2, 4, 5, 6, 8 (the 6th), 9-14 (12th at 14), then two negatives.
        float[] scores = [0.1f, 0.9f, 0.8f, 0.2f, 0.7f, 0.7f, 0.9f, 0.3f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f];

        Assert.Equal([(9, 6), (15, 12), (17, 12)], TrackSamples.LevelDecisionPoints(scores));
        Assert.Equal([(4, 3)], TrackSamples.LevelDecisionPoints([0.9f, 0.9f, 0.1f, 0.9f]));
        Assert.Empty(TrackSamples.LevelDecisionPoints([0.9f, 0.9f, 0.1f]));
    }
}

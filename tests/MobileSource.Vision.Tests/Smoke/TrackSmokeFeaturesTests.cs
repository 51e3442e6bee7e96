using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Smoke;

public class TrackSmokeFeaturesTests
{
    private static float Feature(float[] f, string name) => f[Array.IndexOf(TrackSmokeFeatures.Names, name)];

    private static List<float[]> Frames(int n, Func<int, float> core) =>
        Enumerable.Range(0, n).Select(i =>
        {
            var f = new float[SmokeFeatures.Count];
            f[SmokeFeatures.CoreOpacity] = core(i);
            return f;
        }).ToList();

    [Fact]
    public void Names_match_the_vector_length()
    {
        Assert.Equal(TrackSmokeFeatures.Count, TrackSmokeFeatures.Names.Length);
        Assert.Equal(TrackSmokeFeatures.Count, TrackSmokeFeatures.Compute([0.5f], Frames(1, _ => 0)).Length);
    }

    [Fact]
    public void A_steady_faint_plume_is_one_long_run_of_middling_scores()
    {
        var scores = Enumerable.Repeat(0.65f, 20).ToList();
        var f = TrackSmokeFeatures.Compute(scores, Frames(20, _ => 0.3f));
        Assert.Equal(20, Feature(f, "positives"));
        Assert.Equal(1, Feature(f, "positiveShare"));
        Assert.Equal(20, Feature(f, "longestRun06"));
        Assert.Equal(0, Feature(f, "longestRun08"));
        Assert.Equal(0, Feature(f, "meanRise"), 5);
        Assert.Equal(0.3f, Feature(f, "positiveMedianCore"), 5);
        Assert.Equal(0.3f, Feature(f, "median:" + SmokeFeatures.Names[SmokeFeatures.CoreOpacity]), 5);
    }

    [Fact]
    public void A_flickering_shadow_has_short_runs_and_large_swings()
    {
        var scores = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 0.95f : 0.05f).ToList();
        var f = TrackSmokeFeatures.Compute(scores, Frames(20, i => i % 2 == 0 ? 0.6f : 0f));
        Assert.Equal(10, Feature(f, "positives"));
        Assert.Equal(1, Feature(f, "longestRun06"));
        Assert.Equal(0.9f, Feature(f, "meanRise"), 5);
        Assert.Equal(0.95f, Feature(f, "maxScore"), 5);
        Assert.Equal(0.5f, Feature(f, "shareBelow02"), 5);
        Assert.Equal(0.6f, Feature(f, "positiveMedianCore"), 5);
    }

    [Fact]
    public void Scores_and_frames_must_pair_up()
    {
        Assert.Throws<ArgumentException>(() => TrackSmokeFeatures.Compute([0.5f, 0.6f], Frames(1, _ => 0)));
    }
}

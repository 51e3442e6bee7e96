using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tests.Analysis;
using MobileSource.Vision.Tests.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

public class RingelmannMeasurementTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.5)]
    public void A_plume_of_known_level_is_measured_within_a_quarter_level(double level)
    {
        var road = new SyntheticRoad(seed: (int)(level * 10));
        road.Vehicles.Add(new SyntheticVehicle(12, new Rect(260, 300, 110, 90), new Point2d(0, -7), new Scalar(40, 120, 40), level));
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), new FixedScoreClassifier(1f), null);
        var captures = new List<SmokeCapture>();
        for (var f = 0; f < 60; f++)
        {
            using var frame = road.Render(f);
            captures.AddRange(analyzer.Process(frame));
        }
        captures.AddRange(analyzer.Complete());
        var capture = Assert.Single(captures);
        Assert.InRange(capture.Ringelmann, level - 0.25, level + 0.25);
        foreach (var c in captures) c.Dispose();
    }

    private static List<SmokeCapture> RunPlume(FixedScoreClassifier classifier)
    {
        var road = new SyntheticRoad(seed: 20);
        road.Vehicles.Add(new SyntheticVehicle(12, new Rect(260, 300, 110, 90), new Point2d(0, -7), new Scalar(40, 120, 40), 2.0));
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), classifier, null);
        var captures = new List<SmokeCapture>();
        for (var f = 0; f < 60; f++)
        {
            using var frame = road.Render(f);
            captures.AddRange(analyzer.Process(frame));
        }
        captures.AddRange(analyzer.Complete());
        return captures;
    }

    [Fact]
    public void The_track_model_captures_a_plume_whose_frames_score_below_the_frame_count_gates()
    {
        // 0.7 per frame: every frame positive, but under the 0.8 mean-score gate that applies without a track model.
        Assert.Empty(RunPlume(new FixedScoreClassifier(0.7f)));
        var classifier = new FixedScoreClassifier(0.7f, trackScore: 0.9f);
        var captures = RunPlume(classifier);
        var capture = Assert.Single(captures);
        Assert.InRange(capture.Ringelmann, 1.75, 2.25);
        Assert.All(classifier.TrackInputs, f => Assert.Equal(0.7f, f[Array.IndexOf(MobileSource.Vision.Smoke.TrackSmokeFeatures.Names, "meanScore")], 5));
        foreach (var c in captures) c.Dispose();
    }

    [Fact]
    public void The_track_model_can_overrule_frames_that_all_score_positive()
    {
        var classifier = new FixedScoreClassifier(1f, trackScore: 0.2f);
        Assert.Empty(RunPlume(classifier));
        Assert.NotEmpty(classifier.TrackInputs);
    }
}

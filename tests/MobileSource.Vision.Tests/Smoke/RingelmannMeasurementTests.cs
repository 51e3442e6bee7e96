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
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tests.Motion;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

public class VehicleDetectorTests
{
    /// <summary>Boxes given in the frame's pixels, handed to the analyzer in its own (analysis) pixels.</summary>
    private sealed class ListDetector(Func<long, IReadOnlyList<Rect>> boxes) : IVehicleDetector
    {
        public IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image)
        {
            var s = image.Width / (double)frame.Image.Width;
            return boxes(frame.Index).Select(b => new Rect((int)(b.X * s), (int)(b.Y * s), (int)Math.Ceiling(b.Width * s), (int)Math.Ceiling(b.Height * s))).ToList();
        }
    }

    private static (int Vehicles, List<Rect> Tracked) Run(IVehicleDetector? detector, SyntheticVehicle vehicle)
    {
        var road = new SyntheticRoad(seed: 5);
        road.Vehicles.Add(vehicle);
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), new FixedScoreClassifier(0f), null, vehicleDetector: detector);
        var tracked = new List<Rect>();
        for (var f = 0; f < 60; f++)
        {
            using var frame = road.Render(f);
            foreach (var c in analyzer.Process(frame)) c.Dispose();
            tracked.AddRange(analyzer.LastOverlay.Tracks.Select(t => t.Box));
        }
        return (analyzer.VehiclesSeen, tracked);
    }

    [Fact]
    public void A_vehicle_detector_replaces_the_motion_blobs()
    {
        var truck = new SyntheticVehicle(40, new Rect(260, 260, 110, 90), new Point2d(0, -6), new Scalar(40, 120, 40));
        Assert.Equal(1, Run(null, truck).Vehicles);
        // A detector that sees nothing hides the truck the motion blobs would have found...
        Assert.Equal(0, Run(new ListDetector(_ => []), truck).Vehicles);
        // ...and one that boxes it gets the truck tracked on its boxes (frame coordinates, back from the analysis size).
        var (vehicles, tracked) = Run(new ListDetector(f => truck.BoxAt((int)f) is { } b ? [b] : []), truck);
        Assert.Equal(1, vehicles);
        Assert.NotEmpty(tracked);
        Assert.All(tracked, box => Assert.InRange(box.Width, 106, 114));
    }
}

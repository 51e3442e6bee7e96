using MobileSource.Analyze.Simulation;
using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tracking;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Tracking;

/// <summary>The shipped vehicle detector (models/vehicle-detector.onnx) on a simulator scene no training used.</summary>
public class ShippedVehicleDetectorTests
{
    /// <summary>Runs the analyzer on the learned detector's boxes and matches each frame's boxes to the truth's.</summary>
    private sealed class Comparison(IVehicleDetector learned, IVehicleDetector truth) : IVehicleDetector
    {
        /// <summary>Truth boxes (8 px tall or more), found boxes as tall, truth boxes found, found boxes on a vehicle.</summary>
        public int Truth, Detected, Matched, OnVehicle;

        public IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image)
        {
            var found = learned.Detect(frame, image);
            var vehicles = truth.Detect(frame, image);
            var expected = vehicles.Where(b => b.Height >= 8).ToList();
            var tall = found.Where(b => b.Height >= 8).ToList();
            Truth += expected.Count;
            Detected += tall.Count;
            Matched += expected.Count(t => found.Any(f => IoU(f, t) >= 0.5));
            OnVehicle += tall.Count(f => vehicles.Any(t => IoU(f, t) >= 0.5));
            return found;
        }

        private static double IoU(Rect a, Rect b)
        {
            var i = a & b;
            var inter = i.Width > 0 && i.Height > 0 ? i.Width * i.Height : 0;
            return inter / (double)(a.Width * a.Height + b.Width * b.Height - inter);
        }
    }

    [Fact]
    public void The_shipped_detector_boxes_the_vehicles_of_an_unseen_scene_on_its_own_frames()
    {
        var options = new SceneOptions { Vehicles = 8, Width = 640, Height = 360, SmokyShare = 0.6, Lighting = SceneLighting.Day, Shadows = true };
        using var scene = new SimulatedScene(6101, options);
        using var model = VehicleDetectorModel.Load(VehicleDetectorModel.DefaultPath);
        var comparison = new Comparison(model, new TruthVehicleDetector(scene));
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), null, null, vehicleDetector: comparison);
        foreach (var frame in scene.Frames(10))
            using (frame)
                foreach (var c in analyzer.Process(frame)) c.Dispose();
        // Measured on the shipped model: 452 of 463 vehicle boxes (8 px tall or more) found at IoU 0.5 or more, and 454 of
        // the 456 boxes it gave lay on a vehicle.
        Assert.True(comparison.Truth > 200, $"only {comparison.Truth} truth boxes");
        Assert.True(comparison.Matched >= 0.9 * comparison.Truth, $"{comparison.Matched} of {comparison.Truth} vehicles boxed");
        Assert.True(comparison.OnVehicle >= 0.9 * comparison.Detected, $"{comparison.OnVehicle} of {comparison.Detected} boxes on a vehicle");
    }
}

using MobileSource.Analyze;
using MobileSource.Analyze.Simulation;
using MobileSource.HardwareSim.Camera;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

public class CaptureMatcherTests
{
    [Fact]
    public void A_capture_from_a_1080p_scene_detected_at_720p_matches_its_vehicle_by_box()
    {
        // evaluate detects a 1920x1080 scene at 1280x720: the capture's box is in those pixels, the truth in 1920x1080.
        using var scene = new SimulatedScene(8003, new SceneOptions { Vehicles = 14, Width = 1920, Height = 1080, SmokyShare = 0.6 });
        // A vehicle whole in view, away from the image's top-left corner (where a box and its 2/3 copy would overlap anyway).
        var (vehicle, frame, body) = scene.Spec.Vehicles
            .SelectMany(v => Enumerable.Range(v.FirstFrame, v.LastFrame - v.FirstFrame + 1).Select(f => (v, f, box: scene.BodyBox(v, f))))
            .First(x => x.box is { } b && b.X > 400 && b.Y > 200 && b.Width > 120 && b.Bottom < 1000);
        var atDetectSize = new Rect(body!.Value.X * 2 / 3, body.Value.Y * 2 / 3, body.Value.Width * 2 / 3, body.Value.Height * 2 / 3);
        var time = TimeSpan.FromSeconds(frame / (double)scene.Spec.Fps);
        var capture = new CaptureResult(null, null, null, 2, 0.9, frame, frame, "Heavy", time, time, atDetectSize, 1280, time, 6, 6);

        var match = Assert.Single(CaptureMatcher.Match(scene, [capture]));

        Assert.Equal(vehicle.Id, match.Vehicle?.Id);
    }
}

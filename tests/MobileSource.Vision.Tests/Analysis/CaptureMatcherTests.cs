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

    [Fact]
    public void A_capture_boxed_on_the_lit_rear_of_a_vehicle_matches_it_and_one_over_road_matches_none()
    {
        // A grey truck body can match the road, so the tracker may box only its rear (lamps, plate, bumper): the capture
        // still shows that vehicle. A box just behind it on bare road is about no vehicle.
        using var scene = new SimulatedScene(6007, new SceneOptions { Vehicles = 14, Width = 640, Height = 360, SmokyShare = 0.6 });
        var (vehicle, frame, body) = scene.Spec.Vehicles
            .SelectMany(v => Enumerable.Range(v.FirstFrame, v.LastFrame - v.FirstFrame + 1).Select(f => (v, f, box: scene.BodyBox(v, f))))
            .First(x => x.box is { } b && b.Width > 80 && b.Height > 90 && b.Top > 20 && b.Bottom < 300
                        && Alone(scene, x.v, x.f, new Rect(b.X - 10, b.Y - 10, b.Width + 20, b.Height + 50)));
        var b = body!.Value;
        var rear = new Rect(b.X, b.Bottom - b.Height / 6, b.Width, b.Height / 6);
        var road = new Rect(b.X, b.Bottom + 8, b.Width, 30);
        Assert.True(Vision.Tracking.VehicleTracker.IoU(rear, b) < CaptureMatcher.MinIoU);

        var onRear = Assert.Single(CaptureMatcher.Match(scene, [At(scene, rear, frame)]));
        var onRoad = Assert.Single(CaptureMatcher.Match(scene, [At(scene, road, frame)]));

        Assert.Equal(vehicle.Id, onRear.Vehicle?.Id);
        Assert.Null(onRoad.Vehicle);
    }

    /// <summary>No other vehicle's body reaches into <paramref name="area"/> on <paramref name="frame"/>.</summary>
    private static bool Alone(SimulatedScene scene, VehicleSpec v, int frame, Rect area) =>
        scene.Spec.Vehicles.All(o => o.Id == v.Id || scene.BodyBox(o, frame) is not { } ob || (ob & area).Width <= 0 || (ob & area).Height <= 0);

    private static CaptureResult At(SimulatedScene scene, Rect box, int frame)
    {
        var time = TimeSpan.FromSeconds(frame / (double)scene.Spec.Fps);
        return new CaptureResult(null, null, null, 2, 0.9, frame, frame, "Heavy", time, time, box, scene.Spec.Width, time, 6, 6);
    }
}

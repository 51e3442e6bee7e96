using MobileSource.HardwareSim.Camera;

namespace MobileSource.Vision.Tests.Analysis;

/// <summary>Short simulator scenes (640x360, few vehicles) through the analyzer with the trained smoke model.</summary>
public class SimulatorSceneTests
{
    [Fact]
    public void Shadows_wet_road_and_dark_vehicles_without_smoke_give_no_capture()
    {
        var options = new SceneOptions { Vehicles = 5, Width = 640, Height = 360, SmokyShare = 0, Lighting = SceneLighting.Day, Shadows = true };
        var (scene, captures) = SimulatedFrames.Analyze(7101, options);
        Assert.NotEmpty(scene.Conditions.WetPatches.Concat<object>(scene.Conditions.CloudShadows));
        Assert.Empty(captures.Select(c => $"track {c.TrackId} L{c.Ringelmann} frames {c.FirstFrame}-{c.LastFrame}"));
        foreach (var c in captures) c.Dispose();
    }

    [Fact]
    public void A_scene_of_smoking_heavy_vehicles_gives_captures_of_those_vehicles_with_their_level()
    {
        var options = new SceneOptions { Vehicles = 8, Width = 640, Height = 360, SmokyShare = 1, Lighting = SceneLighting.Overcast };
        var (scene, captures) = SimulatedFrames.Analyze(7202, options);
        var smoky = scene.Vehicles.Where(v => v.Smoky).ToList();
        Assert.NotEmpty(smoky);
        Assert.NotEmpty(captures);
        foreach (var c in captures)
        {
            var first = SimulatedFrames.SourceFrame(scene, c.FirstSourceTime);
            var last = SimulatedFrames.SourceFrame(scene, c.LastSourceTime);
            // Every capture is about a vehicle that smokes (its visible frames overlap the capture's), at a level close to the truth.
            var vehicle = smoky.Where(v => v.FirstFrame <= last && v.LastFrame >= first)
                .MinBy(v => Math.Abs(v.Ringelmann - c.Ringelmann));
            Assert.NotNull(vehicle);
            Assert.InRange(c.Ringelmann, vehicle.Ringelmann - 1.0, vehicle.Ringelmann + 1.0);
            c.Dispose();
        }
    }
}

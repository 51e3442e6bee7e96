using MobileSource.Domain.Plates;
using MobileSource.HardwareSim.Camera;

namespace MobileSource.Vision.Tests.Simulator;

public sealed class SceneTruthTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(2026)]
    public void Truth_is_consistent(int seed)
    {
        var scene = SceneSpec.FromSeed(seed, new SceneOptions { Vehicles = 40, Width = 640, Height = 360 });
        var truth = scene.Truth;

        Assert.Equal(40, truth.Vehicles.Count);
        Assert.Equal("away", truth.TravelDirection);
        foreach (var v in truth.Vehicles)
        {
            Assert.InRange(v.FirstFrame, 0, truth.FrameCount - 1);
            Assert.InRange(v.LastFrame, v.FirstFrame + scene.Fps, truth.FrameCount - 1); // in view for over a second
            Assert.Contains(v.Lane, new[] { 1, 2 });
            Assert.True(PlateNumber.TryParse(v.Plate, out var plate, out var error), $"vehicle {v.Id}: plate {v.Plate}: {error}");
            Assert.Equal(v.Class == "heavy" ? "yellow" : plate.IsNewEnergy ? "green" : "blue", v.PlateColour);
            if (v.Smoky)
            {
                Assert.Equal("heavy", v.Class);
                Assert.InRange(v.Ringelmann, 1.0, 4.0);
                Assert.Equal(0, v.Ringelmann * 4 % 1, 9); // 0.25 steps
            }
            else
            {
                Assert.Equal(0, v.Ringelmann);
            }
        }
        Assert.True(truth.Vehicles.Count(v => v.Plate.StartsWith("豫F", StringComparison.Ordinal)) > truth.Vehicles.Count / 2, "most plates are Hebi's");
    }

    [Fact]
    public void Smoky_share_is_the_share_of_heavy_vehicles_that_smoke()
    {
        var heavy = 0;
        var smoky = 0;
        foreach (var seed in Enumerable.Range(100, 5))
        {
            var truth = SceneSpec.FromSeed(seed, new SceneOptions { Vehicles = 60, SmokyShare = 0.4 }).Truth;
            heavy += truth.Vehicles.Count(v => v.Class == "heavy");
            smoky += truth.Vehicles.Count(v => v.Smoky);
        }
        Assert.InRange(smoky / (double)heavy, 0.3, 0.5);
        Assert.DoesNotContain(SceneSpec.FromSeed(5, new SceneOptions { Vehicles = 30, SmokyShare = 0 }).Vehicles, v => v.Smoky);
    }

    [Fact]
    public void Truth_json_is_camel_case_and_round_trips()
    {
        var truth = SceneSpec.FromSeed(7, SmallScenes.Options(vehicles: 3)).Truth;
        var json = truth.ToJson();
        Assert.Contains("\"plateColour\":", json);
        Assert.Contains("\"travelDirection\": \"away\"", json);
        Assert.Contains("\"lighting\": \"day\"", json);
        var back = SceneTruth.FromJson(json);
        Assert.Equal(truth.Vehicles, back.Vehicles);
        Assert.Equal(truth.FrameCount, back.FrameCount);
    }

    [Fact]
    public void Vehicles_enter_at_the_bottom_and_leave_at_the_top_shrinking()
    {
        var scene = SceneSpec.FromSeed(9, new SceneOptions { Vehicles = 6 });
        foreach (var v in scene.Vehicles)
        {
            var enter = scene.Camera.Project(new System.Numerics.Vector3(v.CentreX, v.Height, v.RearZ(v.FirstFrame, scene.Fps) + v.Length));
            Assert.True(enter.Y > scene.Height * 0.8, $"vehicle {v.Id} first appears at y {enter.Y}, not at the bottom edge");
            // Closest with the whole rear in view: the rear's bottom edge on the bottom row of the frame.
            var plateNear = PlateWidthPx(scene, v, scene.Camera.ZAtRow(scene.Height));
            var plateFar = PlateWidthPx(scene, v, v.RearZ(v.LastFrame, scene.Fps));
            Assert.InRange(plateNear, 55, 90); // ~67 px at 1280: the smoke camera's long view trades plate size for road
            Assert.True(plateFar < plateNear * 0.7, $"vehicle {v.Id}: plate {plateNear:F0} px near, {plateFar:F0} px far");
        }
    }

    [Fact]
    public void A_smoky_trucks_plume_is_counted_in_view_and_clean_vehicles_have_none()
    {
        var scene = SceneSpec.FromSeed(5, new SceneOptions { Vehicles = 3, SmokyShare = 1 });
        var truth = scene.Truth;
        Assert.Contains(truth.Vehicles, v => v.Smoky && v.SmokeVisibleFrames >= scene.Fps);
        Assert.All(truth.Vehicles.Where(v => !v.Smoky), v => Assert.Equal(0, v.SmokeVisibleFrames));
        Assert.All(truth.Vehicles, v => Assert.InRange(v.SmokeVisibleFrames, 0, v.LastFrame - v.FirstFrame + 1));
    }

    [Fact]
    public void A_video_at_a_lower_rate_keeps_the_nearest_scene_frames()
    {
        var scene = SceneSpec.FromSeed(5, new SceneOptions { Vehicles = 1 });
        var kept = CameraVideoWriter.KeptFrames(scene, 10);
        Assert.Equal([0, 2, 5, 8, 10], kept.Take(5)); // 25 -> 10 fps: every 2.5 scene frames, halves rounded to even
        Assert.True(kept[^1] < scene.FrameCount && kept[^1] >= scene.FrameCount - 3);
        Assert.Equal(Enumerable.Range(0, scene.FrameCount), CameraVideoWriter.KeptFrames(scene, scene.Fps));
    }

    private static float PlateWidthPx(SceneSpec scene, VehicleSpec v, float rearZ) =>
        0.44f * scene.Camera.PixelsPerMetre(new System.Numerics.Vector3(v.CentreX, 0.7f, rearZ));
}

using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tests.Analysis;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The shipped patch model (models/smoke-patch.onnx) through OnnxRuntime, and the errors of a bad model file.</summary>
public class SmokePatchModelTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "models", SmokePatchModel.FileName);

    /// <summary>The shipped model's scores of every region the analyzer measured in a short simulator scene.</summary>
    private static List<float> Scores(int seed, SceneOptions options)
    {
        using var model = SmokePatchModel.Load(Shipped);
        var scores = new List<float>();
        var (_, captures) = SimulatedFrames.Analyze(seed, options, o => scores.Add(model.Score(o.Patch)));
        foreach (var c in captures) c.Dispose();
        return scores;
    }

    [Fact]
    public void Regions_behind_smoking_trucks_score_high_and_shadows_and_wet_road_score_low()
    {
        var smoky = Scores(7202, new SceneOptions { Vehicles = 8, Width = 640, Height = 360, SmokyShare = 1, Lighting = SceneLighting.Overcast });
        var clean = Scores(7101, new SceneOptions { Vehicles = 5, Width = 640, Height = 360, SmokyShare = 0, Lighting = SceneLighting.Day, Shadows = true });
        // Measured on the shipped model: 32 of 263 smoky-scene regions at 0.8 or more (many regions are far trucks or plumes
        // not yet in view); of 321 regions behind clean vehicles over hard shadows and wet patches, none, and 2 at 0.5 or more.
        Assert.True(smoky.Count(v => v >= 0.8f) >= 20, $"{smoky.Count(v => v >= 0.8f)} of {smoky.Count} smoky-scene regions scored 0.8 or more");
        Assert.Equal(0, clean.Count(v => v >= 0.8f));
        Assert.True(clean.Count(v => v >= 0.5f) <= clean.Count / 50, $"{clean.Count(v => v >= 0.5f)} of {clean.Count} clean regions scored 0.5 or more");
    }

    [Fact]
    public void A_patch_of_the_wrong_size_is_refused()
    {
        using var model = SmokePatchModel.Load(Shipped);
        var e = Assert.Throws<ArgumentException>(() => model.Score(new float[10]));
        Assert.Contains($"expected a patch of {SmokePatch.Length} values, got 10", e.Message);
    }

    [Fact]
    public void A_missing_or_broken_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => SmokePatchModel.Load(missing)).Message);
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(broken, "not a model");
        try
        {
            Assert.Contains(broken, Assert.Throws<InvalidDataException>(() => SmokePatchModel.Load(broken)).Message);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}

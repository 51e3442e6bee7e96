using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tests.Analysis;
using MobileSource.Vision.Tests.Motion;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The shipped smoke patch network (models/smoke-patch.onnx) and how the analyzer feeds its readings to the frame model.</summary>
public class SmokePatchModelTests
{
    private static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "models", SmokePatchModel.FileName);

    /// <summary>The patch features of every measurement of a vehicle driving away on a synthetic road.</summary>
    private static List<float[]> Observe(double ringelmann, SmokePatchModel? patches)
    {
        var road = new SyntheticRoad(seed: 31);
        road.Vehicles.Add(new SyntheticVehicle(12, new Rect(260, 300, 110, 90), new Point2d(0, -7), new Scalar(40, 120, 40), ringelmann));
        var features = new List<float[]>();
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), new FixedScoreClassifier(0f), null,
            observer: o => features.Add(o.Features), patchModel: patches);
        for (var f = 0; f < 50; f++)
        {
            using var frame = road.Render(f);
            analyzer.Process(frame);
        }
        analyzer.Complete();
        return features;
    }

    [Fact]
    public void The_analyzer_gives_the_frame_model_the_networks_reading_of_a_plume_and_of_clean_road()
    {
        using var patches = SmokePatchModel.Load(ShippedPath);
        var plume = Observe(3.0, patches);
        var clean = Observe(0, patches);
        var withoutNetwork = Observe(3.0, null);

        Assert.NotEmpty(plume);
        Assert.NotEmpty(clean);
        var plumeScore = plume.Average(f => f[SmokeFeatures.PatchScore]);
        var cleanScore = clean.Average(f => f[SmokeFeatures.PatchScore]);
        Assert.True(plumeScore > cleanScore + 0.2, $"a level-3 plume reads {plumeScore:0.00}, clean road {cleanScore:0.00}");
        Assert.All(plume.Concat(clean), f => Assert.InRange(f[SmokeFeatures.PatchLevel], 0f, 5f));
        Assert.True(plume.Average(f => f[SmokeFeatures.PatchLevel]) > clean.Average(f => f[SmokeFeatures.PatchLevel]));
        Assert.All(withoutNetwork, f => Assert.Equal(-1f, f[SmokeFeatures.PatchScore]));
    }

    [Fact]
    public void A_missing_file_a_file_that_is_not_onnx_and_a_network_of_another_shape_are_refused_with_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => SmokePatchModel.Load(missing)).Message);

        var text = Path.Combine(Path.GetTempPath(), $"not-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(text, "not a network");
        try
        {
            Assert.Contains(text, Assert.Throws<InvalidDataException>(() => SmokePatchModel.Load(text)).Message);
        }
        finally
        {
            File.Delete(text);
        }

        // The vehicle detector is an ONNX network too, but takes whole frames.
        var detector = Assert.Throws<InvalidDataException>(() => SmokePatchModel.Load(VehicleDetectorModel.DefaultPath));
        Assert.Contains("[n,6,32,32]", detector.Message);
    }

    [Fact]
    public void A_patch_of_the_wrong_size_is_refused()
    {
        using var patches = SmokePatchModel.Load(ShippedPath);
        Assert.Throws<ArgumentException>(() => patches.Score(new byte[SmokePatch.Length - 1]));
    }

    [Fact]
    public void The_shipped_smoke_model_loads_the_network_beside_it_and_is_refused_by_name_without_it()
    {
        using (var shipped = FastTreeSmokeClassifier.Load()) Assert.NotNull(shipped.Patches);

        // Its level model was trained with the network's readings (smoke-inputs.json): without them it reads levels a
        // whole level off, so a folder that lost the network is refused rather than used.
        var folder = Directory.CreateTempSubdirectory("smoke-inputs-").FullName;
        try
        {
            var shippedFolder = Path.GetDirectoryName(FastTreeSmokeClassifier.DefaultPath)!;
            foreach (var file in new[] { FastTreeSmokeClassifier.DefaultFileName, FastTreeSmokeClassifier.LevelFileName, SmokeModelInputs.FileName })
                File.Copy(Path.Combine(shippedFolder, file), Path.Combine(folder, file));
            var model = Path.Combine(folder, FastTreeSmokeClassifier.DefaultFileName);
            var e = Assert.Throws<FileNotFoundException>(() => FastTreeSmokeClassifier.Load(model));
            Assert.Contains(SmokePatchModel.FileName, e.Message);

            File.Copy(ShippedPath, Path.Combine(folder, SmokePatchModel.FileName));
            using var restored = FastTreeSmokeClassifier.Load(model);
            Assert.NotNull(restored.Patches);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Smoke;

public sealed class RingelmannCalibrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("calibration-").FullName;

    [Fact]
    public void Fitting_undoes_a_pull_toward_the_middle_of_the_scale()
    {
        // Measured = 2.5 + 0.75 (truth - 2.5): level 1 read as 1.375, level 4 as 3.625.
        var tracks = new[] { 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0 }.Select(t => (2.5 + 0.75 * (t - 2.5), t)).ToList();
        var c = RingelmannCalibration.Fit(tracks);
        Assert.Equal(1 / 0.75, c.Slope, 6);
        Assert.Equal(1.0, c.Apply(1.375), 6);
        Assert.Equal(4.0, c.Apply(3.625), 6);
    }

    [Fact]
    public void The_level_stays_on_the_scale_and_too_little_data_changes_nothing()
    {
        var c = new RingelmannCalibration(-1, 2);
        Assert.Equal(0, c.Apply(0.2));
        Assert.Equal(5, c.Apply(4.5));
        Assert.Equal(RingelmannCalibration.Identity, RingelmannCalibration.Fit([(2.0, 2.5)]));
        Assert.Equal(RingelmannCalibration.Identity, RingelmannCalibration.Fit([(2.0, 2.5), (2.0, 3.0)]));
    }

    [Fact]
    public void A_calibration_next_to_the_model_is_applied_and_a_broken_one_is_refused_by_name()
    {
        foreach (var file in new[] { FastTreeSmokeClassifier.DefaultFileName, FastTreeSmokeClassifier.LevelFileName })
            File.Copy(Path.Combine(Path.GetDirectoryName(FastTreeSmokeClassifier.DefaultPath)!, file), Path.Combine(_dir, file));
        var model = Path.Combine(_dir, FastTreeSmokeClassifier.DefaultFileName);
        var path = Path.Combine(_dir, RingelmannCalibration.FileName);
        new RingelmannCalibration(-0.5, 1.25).Save(path);
        using (var classifier = FastTreeSmokeClassifier.Load(model))
        {
            Assert.Equal(2.0, classifier.TrackLevel(2.0), 6);
            Assert.Equal(3.25, classifier.TrackLevel(3.0), 6);
        }
        File.WriteAllText(path, "{\"Intercept\": 0, \"Slope\": -1}");
        var e = Assert.Throws<InvalidDataException>(() => FastTreeSmokeClassifier.Load(model));
        Assert.Contains(RingelmannCalibration.FileName, e.Message);
        File.WriteAllText(path, "not json");
        Assert.Throws<InvalidDataException>(() => FastTreeSmokeClassifier.Load(model));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

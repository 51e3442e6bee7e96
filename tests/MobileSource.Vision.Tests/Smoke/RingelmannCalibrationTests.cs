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
        var model = CopyShippedSmokeAndLevelModels();
        var path = Path.Combine(_dir, RingelmannCalibration.FileName);
        new RingelmannCalibration(-0.5, 1.25).Save(path);
        using (var classifier = FastTreeSmokeClassifier.Load(model))
        {
            Assert.Equal(2.0, classifier.TrackLevel([1.5f, 2.0f, 2.5f], NoTrackFeatures), 6);
            Assert.Equal(3.25, classifier.TrackLevel([3.0f], NoTrackFeatures), 6);
        }
        File.WriteAllText(path, "{\"Intercept\": 0, \"Slope\": -1}");
        var e = Assert.Throws<InvalidDataException>(() => FastTreeSmokeClassifier.Load(model));
        Assert.Contains(RingelmannCalibration.FileName, e.Message);
        File.WriteAllText(path, "not json");
        Assert.Throws<InvalidDataException>(() => FastTreeSmokeClassifier.Load(model));
    }

    [Fact]
    public void A_track_level_model_next_to_the_model_reads_the_track_instead_of_the_calibrated_median()
    {
        var model = CopyShippedSmokeAndLevelModels();
        RingelmannCalibration.Identity.Save(Path.Combine(_dir, RingelmannCalibration.FileName));
        // Tracks whose frames were read 1 level high at dusk (background_brightness low) and right by day.
        var inTrack = Array.IndexOf(TrackSmokeFeatures.Names, "median:background_brightness");
        var brightness = TrackLevelFeatures.Count - TrackSmokeFeatures.Count + inTrack;
        var samples = new List<TrackLevelSample>();
        var random = new Random(3);
        for (var i = 0; i < 400; i++)
        {
            var truth = 1 + random.Next(13) * 0.25f;
            var dusk = i % 2 == 0;
            var read = truth + (dusk ? 1 : 0);
            var features = TrackLevelFeatures.Compute([read, read, read], NoTrackFeatures);
            features[brightness] = dusk ? 0.2f : 0.8f;
            samples.Add(new TrackLevelSample { Features = features, Level = truth, Scene = (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var trained = TrackLevelModelTrainer.Train(samples, new HashSet<string> { "9" });
        Assert.InRange(trained.Mae, 0, 0.2);
        TrackLevelModelTrainer.Save(trained.Model, trained.Schema, Path.Combine(_dir, FastTreeSmokeClassifier.TrackLevelFileName));

        var duskTrack = NoTrackFeatures.ToArray();
        duskTrack[inTrack] = 0.2f;
        using var classifier = FastTreeSmokeClassifier.Load(model);
        Assert.InRange(classifier.TrackLevel([3f, 3f, 3f], duskTrack), 1.75, 2.25);
    }

    /// <summary>The shipped smoke and level models, alone in the test folder; returns the smoke model's path.</summary>
    private string CopyShippedSmokeAndLevelModels()
    {
        foreach (var file in new[] { FastTreeSmokeClassifier.DefaultFileName, FastTreeSmokeClassifier.LevelFileName })
            File.Copy(Path.Combine(Path.GetDirectoryName(FastTreeSmokeClassifier.DefaultPath)!, file), Path.Combine(_dir, file));
        return Path.Combine(_dir, FastTreeSmokeClassifier.DefaultFileName);
    }

    private static float[] NoTrackFeatures => new float[TrackSmokeFeatures.Count];

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Analysis;

public sealed class TrackEvidenceTests
{
    [Fact]
    public void Scattered_positive_frames_do_not_make_a_track_smoky()
    {
        using var evidence = new TrackEvidence();
        foreach (var positive in new[] { true, false, true, false, false, true, false, true })
        {
            evidence.RecordMeasurement(positive ? 0.9f : 0.1f, new float[SmokeFeatures.Count], 0.6f, window: 3, needed: 3);
        }
        Assert.False(evidence.Smoky);
    }

    [Fact]
    public void Positive_frames_in_a_row_make_it_smoky_and_it_stays_smoky()
    {
        using var evidence = new TrackEvidence();
        foreach (var positive in new[] { false, true, true, true, false, false })
        {
            evidence.RecordMeasurement(positive ? 0.9f : 0.1f, new float[SmokeFeatures.Count], 0.6f, window: 3, needed: 3);
        }
        Assert.True(evidence.Smoky);
    }

    [Fact]
    public void Four_of_five_tolerates_one_missed_frame()
    {
        using var evidence = new TrackEvidence();
        foreach (var positive in new[] { true, true, false, true, true })
        {
            evidence.RecordMeasurement(positive ? 0.9f : 0.1f, new float[SmokeFeatures.Count], 0.6f, window: 5, needed: 4);
        }
        Assert.True(evidence.Smoky);
    }

    [Fact]
    public void The_track_model_looks_back_over_a_bounded_number_of_frames()
    {
        using var evidence = new TrackEvidence();
        for (var i = 0; i < TrackEvidence.MaxRememberedFrames + 50; i++)
            evidence.RecordMeasurement(i < 50 ? 0.9f : 0.1f, new float[SmokeFeatures.Count], 0.6f, window: 3, needed: 3);
        var f = evidence.TrackFeatures();
        Assert.Equal(TrackEvidence.MaxRememberedFrames, f[Array.IndexOf(TrackSmokeFeatures.Names, "measured")]);
        Assert.Equal(0, f[Array.IndexOf(TrackSmokeFeatures.Names, "positives")]);
        Assert.True(evidence.Smoky);
    }
}

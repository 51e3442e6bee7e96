using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

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

    [Fact]
    public void A_much_wider_lower_rear_after_the_last_few_is_a_take_over()
    {
        using var evidence = new TrackEvidence();
        // The vehicle ahead recedes: its lamps draw together and rise.
        for (var f = 1; f <= 3; f++) Assert.False(evidence.RearTakenOver(Rear(y: 210 - 5 * f, span: 185 - 5 * f), f, memory: 60));
        // Frames without lamps while the vehicle behind runs into the blob, then its lamps: wide, low.
        Assert.False(evidence.RearTakenOver(null, 10, memory: 60));
        Assert.True(evidence.RearTakenOver(Rear(y: 500, span: 300), 24, memory: 60));
    }

    [Fact]
    public void One_odd_narrow_pair_or_lamps_seen_too_long_ago_make_no_take_over()
    {
        using var evidence = new TrackEvidence();
        evidence.RearTakenOver(Rear(y: 210, span: 185), 1, memory: 60);
        evidence.RearTakenOver(Rear(y: 208, span: 184), 2, memory: 60);
        evidence.RearTakenOver(Rear(y: 150, span: 108), 3, memory: 60); // a reflector strip taken for the lamps
        Assert.False(evidence.RearTakenOver(Rear(y: 205, span: 182), 4, memory: 60));

        using var lostLong = new TrackEvidence();
        lostLong.RearTakenOver(Rear(y: 200, span: 180), 1, memory: 60);
        Assert.False(lostLong.RearTakenOver(Rear(y: 500, span: 300), 100, memory: 60));
    }

    private static VehicleRear Rear(int y, int span) => new(new Rect(400 - 10, y - 5, 20, 10), new Rect(400 + span - 10, y - 5, 20, 10));
}

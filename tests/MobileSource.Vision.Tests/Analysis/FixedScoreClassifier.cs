using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Analysis;

/// <summary>
/// A stand-in for the model where a test is about something else (tracking, the Ringelmann measurement). With a
/// <paramref name="trackScore"/> it also stands in for the track model; without one the analyzer counts positive frames.
/// </summary>
internal sealed class FixedScoreClassifier(float score, float? trackScore = null) : ISmokeClassifier
{
    public List<float[]> TrackInputs { get; } = [];

    public float Score(float[] features) => score;

    public float? TrackScore(float[] trackFeatures)
    {
        if (trackScore is null) return null;
        TrackInputs.Add(trackFeatures);
        return trackScore;
    }
}

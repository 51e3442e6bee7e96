using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Analysis;

/// <summary>A stand-in for the model where a test is about something else (tracking, the Ringelmann measurement).</summary>
internal sealed class FixedScoreClassifier(float score) : ISmokeClassifier
{
    public float Score(float[] features) => score;
}

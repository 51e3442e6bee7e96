namespace MobileSource.Vision.Smoke;

/// <summary>Smoke probability (0-1) of one frame's region features (<see cref="SmokeFeatures"/> layout).</summary>
public interface ISmokeClassifier
{
    float Score(float[] features);
}

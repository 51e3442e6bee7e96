namespace MobileSource.Vision.Smoke;

/// <summary>Smoke probability (0-1) of one frame's region features (<see cref="SmokeFeatures"/> layout).</summary>
public interface ISmokeClassifier
{
    float Score(float[] features);

    /// <summary>
    /// The Ringelmann level of a smoky frame, where a calibration model exists; null: the analyzer uses
    /// 5 x the plume-core opacity.
    /// </summary>
    float? Level(float[] features) => null;

    /// <summary>A smoky track's level from the median of its frames' levels (a calibration, where one exists).</summary>
    double TrackLevel(double medianFrameLevel) => medianFrameLevel;

    /// <summary>
    /// The probability that a tracked vehicle is smoky, from its <see cref="TrackSmokeFeatures"/> so far, where a track
    /// model exists; null: the analyzer decides by counting positive frames.
    /// </summary>
    float? TrackScore(float[] trackFeatures) => null;
}

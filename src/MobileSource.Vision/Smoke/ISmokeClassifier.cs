namespace MobileSource.Vision.Smoke;

/// <summary>Smoke probability (0-1) of one frame's region features (<see cref="SmokeFeatures"/> layout).</summary>
public interface ISmokeClassifier
{
    float Score(float[] features);

    /// <summary>The smoke patch network whose readings are inputs of this frame model, where it has one.</summary>
    SmokePatchModel? Patches => null;

    /// <summary>
    /// The Ringelmann level of a smoky frame, where a calibration model exists; null: the analyzer uses
    /// 5 x the plume-core opacity.
    /// </summary>
    float? Level(float[] features) => null;

    /// <summary>
    /// A smoky track's level from the levels of its positive frames and its <see cref="TrackSmokeFeatures"/>: by the
    /// track level model or a calibration of the median, where one exists; otherwise the median.
    /// </summary>
    double TrackLevel(IReadOnlyList<float> positiveLevels, float[] trackFeatures) => Analysis.RingelmannScale.TrackMedian(positiveLevels);

    /// <summary>
    /// The probability that a tracked vehicle is smoky, from its <see cref="TrackSmokeFeatures"/> so far, where a track
    /// model exists; null: the analyzer decides by counting positive frames.
    /// </summary>
    float? TrackScore(float[] trackFeatures) => null;
}

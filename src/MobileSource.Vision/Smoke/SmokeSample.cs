using Microsoft.ML.Data;

namespace MobileSource.Vision.Smoke;

/// <summary>One labelled frame region for training; <see cref="Scene"/> keeps a scene's frames on one side of the split.</summary>
public sealed class SmokeSample
{
    [VectorType(SmokeFeatures.Count)]
    public float[] Features { get; set; } = new float[SmokeFeatures.Count];
    public bool Label { get; set; }
    public string Scene { get; set; } = "";
    /// <summary>The true Ringelmann level of a smoke sample (diagnostics; not a model input).</summary>
    public float Level { get; set; }
}

internal sealed class SmokePrediction
{
    [ColumnName("PredictedLabel")] public bool Smoke { get; set; }
    public float Probability { get; set; }
}

internal sealed class LevelPrediction
{
    public float Score { get; set; }
}

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
    /// <summary>The region as a <see cref="SmokePatch"/>, when collected for the patch network (not an ML.NET column).</summary>
    [NoColumn] public byte[]? Patch { get; set; }
    /// <summary>The detect width the sample was measured at (not an ML.NET column).</summary>
    [NoColumn] public int DetectWidth { get; set; }
    /// <summary>The frame model's score when one measured the sample (diagnostics; not an ML.NET column).</summary>
    [NoColumn] public float ModelScore { get; set; }

    /// <summary>The same sample with other features (a model that must not see some of them).</summary>
    public SmokeSample WithFeatures(float[] features) =>
        new() { Features = features, Label = Label, Scene = Scene, Level = Level, Patch = Patch, DetectWidth = DetectWidth, ModelScore = ModelScore };
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

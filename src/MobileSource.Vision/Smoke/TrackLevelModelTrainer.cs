using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using MobileSource.Vision.Analysis;

namespace MobileSource.Vision.Smoke;

/// <summary>One smoky track's <see cref="TrackLevelFeatures"/> at a point a capture can be decided, and its vehicle's true level.</summary>
public sealed class TrackLevelSample
{
    [VectorType(TrackLevelFeatures.Count)]
    public float[] Features { get; set; } = new float[TrackLevelFeatures.Count];
    public float Level { get; set; }
    public string Scene { get; set; } = "";
}

/// <summary>Trains the track level model (FastTree regression to the vehicle's Ringelmann level) and measures it on scenes it never saw.</summary>
public static class TrackLevelModelTrainer
{
    /// <summary>
    /// Fits on the samples of scenes not in <paramref name="testScenes"/> and returns the model with its mean absolute
    /// error on the others, after quantizing to the scale's quarter steps as captures are (NaN when there are none).
    /// </summary>
    public static (ITransformer Model, DataViewSchema Schema, double Mae, int Train, int Test) Train(IReadOnlyList<TrackLevelSample> samples, ISet<string> testScenes)
    {
        var ml = new MLContext(seed: 11);
        var train = samples.Where(s => !testScenes.Contains(s.Scene)).ToList();
        var test = samples.Where(s => testScenes.Contains(s.Scene)).ToList();
        if (train.Count == 0) throw new ArgumentException("no training samples outside the held-out scenes", nameof(samples));
        var view = ml.Data.LoadFromEnumerable(train);
        var model = Fit(ml, view);
        var mae = double.NaN;
        if (test.Count > 0)
        {
            using var engine = ml.Model.CreatePredictionEngine<TrackLevelSample, LevelPrediction>(model);
            mae = test.Average(s => Math.Abs(RingelmannScale.Quantize(Math.Clamp(engine.Predict(s).Score, 0, 5)) - s.Level));
        }
        return (model, view.Schema, mae, train.Count, test.Count);
    }

    public static void Save(ITransformer model, DataViewSchema schema, string path) => new MLContext().Model.Save(model, schema, path);

    // Small trees: there are a few thousand tracks, not hundreds of thousands of frames.
    private static ITransformer Fit(MLContext ml, IDataView train) =>
        ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(TrackLevelSample.Level),
            FeatureColumnName = nameof(TrackLevelSample.Features),
            NumberOfTrees = 200,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.05,
        }).Fit(train);
}

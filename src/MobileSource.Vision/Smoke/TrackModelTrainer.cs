using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace MobileSource.Vision.Smoke;

/// <summary>One track's summary at some point of its life (<see cref="TrackSmokeFeatures"/>), labelled by whether its vehicle smokes.</summary>
public sealed class TrackSample
{
    [VectorType(TrackSmokeFeatures.Count)]
    public float[] Features { get; set; } = new float[TrackSmokeFeatures.Count];
    public bool Label { get; set; }
    public string Scene { get; set; } = "";
}

/// <summary>Trains the FastTree track model (is this tracked vehicle smoky?) and measures it on scenes it never saw.</summary>
public static class TrackModelTrainer
{
    public static SmokeModelTrainer.Metrics TrainAndSave(IReadOnlyList<TrackSample> samples, ISet<string> testScenes, string modelPath)
    {
        var ml = new MLContext(seed: 7);
        var train = samples.Where(s => !testScenes.Contains(s.Scene)).ToList();
        var test = samples.Where(s => testScenes.Contains(s.Scene)).ToList();
        if (train.Count == 0 || test.Count == 0) throw new ArgumentException("the split left no training or no test track samples");
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(TrackSample.Label),
            FeatureColumnName = nameof(TrackSample.Features),
            NumberOfTrees = 150,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
        }).Fit(trainView);
        var m = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), nameof(TrackSample.Label));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        ml.Model.Save(model, trainView.Schema, modelPath);
        return new SmokeModelTrainer.Metrics(train.Count, test.Count, test.Count(s => s.Label), m.AreaUnderRocCurve, m.Accuracy,
            m.PositivePrecision, m.PositiveRecall, m.F1Score, testScenes.Order().ToList());
    }
}

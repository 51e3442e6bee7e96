using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MobileSource.Vision.Smoke;

/// <summary>Trains the FastTree smoke model and measures it on scenes it never saw.</summary>
public static class SmokeModelTrainer
{
    public sealed record Metrics(int TrainSamples, int TestSamples, int TestPositives, double Auc, double Accuracy,
        double Precision, double Recall, double F1, IReadOnlyList<string> TestScenes);

    /// <summary>Trains on the samples whose scene is not in <paramref name="testScenes"/>, evaluates on the rest, saves the model.</summary>
    public static Metrics TrainAndSave(IReadOnlyList<SmokeSample> samples, ISet<string> testScenes, string modelPath)
    {
        if (samples.Count == 0) throw new ArgumentException("no training samples", nameof(samples));
        var ml = new MLContext(seed: 7);
        var train = samples.Where(s => !testScenes.Contains(s.Scene)).ToList();
        var test = samples.Where(s => testScenes.Contains(s.Scene)).ToList();
        if (train.Count == 0 || test.Count == 0) throw new ArgumentException("the split left no training or no test samples");
        var pipeline = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(SmokeSample.Label),
            FeatureColumnName = nameof(SmokeSample.Features),
            NumberOfTrees = 120,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.15,
        });
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = pipeline.Fit(trainView);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(test));
        var m = ml.BinaryClassification.Evaluate(scored, nameof(SmokeSample.Label));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        ml.Model.Save(model, trainView.Schema, modelPath);
        return new Metrics(train.Count, test.Count, test.Count(s => s.Label), m.AreaUnderRocCurve, m.Accuracy,
            m.PositivePrecision, m.PositiveRecall, m.F1Score, testScenes.Order().ToList());
    }
}

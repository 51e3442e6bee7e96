using Microsoft.ML;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The trained ML.NET FastTree model (models/smoke-model.zip). ML.NET's PredictionEngine is not thread-safe:
/// one instance per analyzer.
/// </summary>
public sealed class FastTreeSmokeClassifier : ISmokeClassifier, IDisposable
{
    public const string DefaultFileName = "smoke-model.zip";
    private readonly PredictionEngine<SmokeSample, SmokePrediction> _engine;
    private readonly SmokeSample _input = new();

    private FastTreeSmokeClassifier(PredictionEngine<SmokeSample, SmokePrediction> engine) => _engine = engine;

    /// <summary>models/smoke-model.zip next to the application's binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);

    public static FastTreeSmokeClassifier Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"smoke model {path} does not exist (train it with `analyze train-smoke`)", path);
        var ml = new MLContext(seed: 1);
        ITransformer model;
        try
        {
            using var stream = File.OpenRead(path);
            model = ml.Model.Load(stream, out _);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"smoke model {path} is not an ML.NET model: {e.Message}", e);
        }
        return new FastTreeSmokeClassifier(ml.Model.CreatePredictionEngine<SmokeSample, SmokePrediction>(model));
    }

    public float Score(float[] features)
    {
        if (features.Length != SmokeFeatures.Count)
            throw new ArgumentException($"expected {SmokeFeatures.Count} smoke features, got {features.Length}", nameof(features));
        _input.Features = features;
        return _engine.Predict(_input).Probability;
    }

    public void Dispose() => _engine.Dispose();
}

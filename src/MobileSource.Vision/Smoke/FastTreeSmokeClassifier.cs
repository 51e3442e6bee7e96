using Microsoft.ML;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The trained ML.NET FastTree model (models/smoke-model.zip). ML.NET's PredictionEngine is not thread-safe:
/// one instance per analyzer.
/// </summary>
public sealed class FastTreeSmokeClassifier : ISmokeClassifier, IDisposable
{
    public const string DefaultFileName = "smoke-model.zip";
    /// <summary>The Ringelmann calibration model, next to the smoke model.</summary>
    public const string LevelFileName = "ringelmann-model.zip";
    /// <summary>The track model (is this tracked vehicle smoky, from its frames so far), next to the smoke model.</summary>
    public const string TrackFileName = "track-model.zip";
    /// <summary>
    /// The track level model (a smoky track's level from all its frames), next to the smoke model; where it is absent
    /// the track's median frame level goes through <see cref="RingelmannCalibration"/>.
    /// </summary>
    public const string TrackLevelFileName = "ringelmann-track-model.zip";
    private readonly PredictionEngine<SmokeSample, SmokePrediction> _engine;
    private readonly PredictionEngine<SmokeSample, LevelPrediction>? _level;
    private readonly PredictionEngine<TrackSample, SmokePrediction>? _track;
    private readonly PredictionEngine<TrackLevelSample, LevelPrediction>? _trackLevel;
    private readonly RingelmannCalibration _calibration;
    private readonly SmokePatchModel? _patches;
    private readonly SmokeSample _input = new();
    private readonly TrackSample _trackInput = new();
    private readonly TrackLevelSample _trackLevelInput = new();

    private FastTreeSmokeClassifier(PredictionEngine<SmokeSample, SmokePrediction> engine, PredictionEngine<SmokeSample, LevelPrediction>? level,
        PredictionEngine<TrackSample, SmokePrediction>? track, PredictionEngine<TrackLevelSample, LevelPrediction>? trackLevel,
        RingelmannCalibration calibration, SmokePatchModel? patches)
    {
        _patches = patches;
        _engine = engine;
        _level = level;
        _track = track;
        _trackLevel = trackLevel;
        _calibration = calibration;
    }

    /// <summary>models/smoke-model.zip next to the application's binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);

    public static FastTreeSmokeClassifier Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"smoke model {path} does not exist (train it with `analyze train-smoke`)", path);
        var ml = new MLContext(seed: 1);
        var model = LoadModel(ml, path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var levelPath = Path.Combine(folder, LevelFileName);
        var level = File.Exists(levelPath) ? ml.Model.CreatePredictionEngine<SmokeSample, LevelPrediction>(LoadModel(ml, levelPath)) : null;
        var trackPath = Path.Combine(folder, TrackFileName);
        var track = File.Exists(trackPath) ? ml.Model.CreatePredictionEngine<TrackSample, SmokePrediction>(LoadModel(ml, trackPath)) : null;
        var trackLevelPath = Path.Combine(folder, TrackLevelFileName);
        var trackLevel = level is not null && File.Exists(trackLevelPath)
            ? ml.Model.CreatePredictionEngine<TrackLevelSample, LevelPrediction>(LoadModel(ml, trackLevelPath)) : null;
        var calibrationPath = Path.Combine(folder, RingelmannCalibration.FileName);
        var calibration = level is not null && File.Exists(calibrationPath) ? RingelmannCalibration.Load(calibrationPath) : RingelmannCalibration.Identity;
        // Models trained with the patch network's readings need that network next to them.
        var patchPath = Path.Combine(folder, SmokePatchModel.FileName);
        var patches = File.Exists(patchPath) ? SmokePatchModel.Load(patchPath) : null;
        if (patches is null && SmokeModelInputs.Load(Path.Combine(folder, SmokeModelInputs.FileName)).SmokePatchNetwork)
            throw new FileNotFoundException($"smoke model {path} was trained with the smoke patch network's readings, but "
                                            + $"{patchPath} is missing (restore it, or retrain without --patch-models)", patchPath);
        return new FastTreeSmokeClassifier(ml.Model.CreatePredictionEngine<SmokeSample, SmokePrediction>(model), level, track, trackLevel, calibration, patches);
    }

    private static ITransformer LoadModel(MLContext ml, string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ml.Model.Load(stream, out _);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"model {path} is not an ML.NET model: {e.Message}", e);
        }
    }

    public float? Level(float[] features)
    {
        if (_level is null) return null;
        _input.Features = features;
        return _level.Predict(_input).Score;
    }

    public double TrackLevel(IReadOnlyList<float> positiveLevels, float[] trackFeatures)
    {
        if (_trackLevel is null) return _calibration.Apply(Analysis.RingelmannScale.TrackMedian(positiveLevels));
        _trackLevelInput.Features = TrackLevelFeatures.Compute(positiveLevels, trackFeatures);
        return Math.Clamp(_trackLevel.Predict(_trackLevelInput).Score, 0, 5);
    }

    public float? TrackScore(float[] trackFeatures)
    {
        if (_track is null) return null;
        if (trackFeatures.Length != TrackSmokeFeatures.Count)
            throw new ArgumentException($"expected {TrackSmokeFeatures.Count} track features, got {trackFeatures.Length}", nameof(trackFeatures));
        _trackInput.Features = trackFeatures;
        return _track.Predict(_trackInput).Probability;
    }

    public float Score(float[] features)
    {
        if (features.Length != SmokeFeatures.Count)
            throw new ArgumentException($"expected {SmokeFeatures.Count} smoke features, got {features.Length}", nameof(features));
        _input.Features = features;
        return _engine.Predict(_input).Probability;
    }

    public SmokePatchModel? Patches => _patches;

    public void Dispose()
    {
        _patches?.Dispose();
        _engine.Dispose();
        _level?.Dispose();
        _track?.Dispose();
        _trackLevel?.Dispose();
    }
}

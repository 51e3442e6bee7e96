using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>One track's measured frames in order (<see cref="SmokeFeatures"/> each), whether its vehicle smokes, and how much.</summary>
internal sealed record TrackFrames(string Scene, int TrackId, bool Smoky, float Level, List<float[]> Frames);

/// <summary>A smoky track's median per-frame level (out of fold) against its vehicle's true level.</summary>
internal sealed record TrackLevel(string Scene, double Measured, double Truth);

/// <summary>
/// The track model's training samples. The frame scores inside a track's summary must be scores of a frame model that
/// never saw that scene, as at run time: a model scoring its own training frames is surer than it will ever be on a
/// camera, and a track model learnt from those scores would trust them too much. So the training scenes are split in
/// <see cref="Folds"/> folds, each scored by a frame model trained on the other folds; the held-out scenes are scored
/// by a model trained on all training scenes. Each track gives a sample at several points of its life (the analyzer
/// decides early when the plate is read, or at the track's end).
/// </summary>
internal static class TrackSamples
{
    public const int Folds = 4;

    /// <summary>
    /// The track samples; for each track on a smoky vehicle with 3 or more positive frames its median per-frame level
    /// from a level model of the same fold (the Ringelmann calibration's data); and the track level model's samples,
    /// from the same tracks at the points a capture is decided (<see cref="LevelDecisionPoints"/>).
    /// </summary>
    public static (List<TrackSample> Samples, List<TrackLevel> Levels, List<TrackLevelSample> LevelSamples) Build(IReadOnlyList<SmokeSample> frameSamples,
        IReadOnlyList<TrackFrames> tracks, ISet<string> testScenes, Func<float[], float[]>? detectionView = null)
    {
        // What the smoke and track models see of a frame's features (the level models see them all).
        var view = detectionView ?? (f => f);
        var levelSamples = new List<TrackLevelSample>();
        var trainScenes = tracks.Select(t => t.Scene).Where(s => !testScenes.Contains(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        var foldOf = trainScenes.Select((s, i) => (s, i % Folds)).ToDictionary(x => x.s, x => x.Item2);
        var samples = new List<TrackSample>();
        var levels = new List<TrackLevel>();
        for (var fold = -1; fold < Folds; fold++)
        {
            // fold -1: the held-out scenes, scored by a model of all training scenes.
            var inFold = fold < 0 ? (Func<string, bool>)testScenes.Contains : s => foldOf.TryGetValue(s, out var f) && f == fold;
            var trainOn = frameSamples.Where(s => foldOf.TryGetValue(s.Scene, out var f) && f != fold).ToList();
            var score = SmokeModelTrainer.TrainScorer(trainOn.Select(s => s.WithFeatures(view(s.Features))).ToList());
            var level = SmokeModelTrainer.TrainLevelScorer(trainOn);
            foreach (var track in tracks.Where(t => inFold(t.Scene)))
            {
                var frames = track.Frames.Select(view).ToList();
                var scores = frames.Select(score).ToList();
                var positiveLevels = track.Frames.Where((_, i) => scores[i] >= TrackSmokeFeatures.PositiveScore).Select(level).ToList();
                if (track.Smoky && positiveLevels.Count >= 3)
                {
                    levels.Add(new TrackLevel(track.Scene, RingelmannScale.TrackMedian(positiveLevels), track.Level));
                    foreach (var (length, positives) in LevelDecisionPoints(scores))
                        levelSamples.Add(new TrackLevelSample
                        {
                            Features = TrackLevelFeatures.Compute(positiveLevels.GetRange(0, positives),
                                TrackSmokeFeatures.Compute(scores.GetRange(0, length), frames.GetRange(0, length))),
                            Level = track.Level,
                            Scene = track.Scene,
                        });
                }
                foreach (var length in DecisionPoints(scores.Count))
                {
                    samples.Add(new TrackSample
                    {
                        Features = TrackSmokeFeatures.Compute(scores.GetRange(0, length), frames.GetRange(0, length)),
                        Label = track.Smoky,
                        Scene = track.Scene,
                    });
                }
            }
        }
        return (samples, levels, levelSamples);
    }

    /// <summary>
    /// Where a smoky track's level is taken: as its <see cref="StreamAnalyzerOptions.RingelmannFrames"/>-th positive frame
    /// comes (the earliest decision), a little later (a plate still being read), and at the track's end; as prefix
    /// lengths with the positive frames within them, for prefixes with 3 or more positives.
    /// </summary>
    internal static IEnumerable<(int Length, int Positives)> LevelDecisionPoints(IReadOnlyList<float> scores)
    {
        var early = new StreamAnalyzerOptions().RingelmannFrames;
        int positives = 0, last = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] < TrackSmokeFeatures.PositiveScore) continue;
            positives++;
            if (positives != early && positives != 2 * early) continue;
            last = i + 1;
            yield return (last, positives);
        }
        if (positives >= 3 && last != scores.Count) yield return (scores.Count, positives);
    }

    /// <summary>Prefix lengths a decision can be taken at: every frame early on, then every fourth, and the whole track.</summary>
    internal static IEnumerable<int> DecisionPoints(int measured)
    {
        for (var n = 3; n <= measured; n++)
            if (n <= 8 || n % 4 == 0 || n == measured) yield return n;
    }
}

using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// Reads the plate in a vehicle region: colour/shape candidates first (<see cref="PlateLocator"/>), the DB text
/// detector when none of them reads; each candidate is rectified, recognised with plate-constrained decoding and
/// kept only if the text is a valid plate (<see cref="PlateNumber.TryParse"/>) with enough confidence.
/// Thread-safe: the ONNX sessions are shared, everything else is per call.
/// </summary>
public sealed class PlateReader : IPlateReader
{
    private readonly PpOcrRecognizer _recognizer;
    private readonly PpOcrDetector _detector;
    private readonly PlateLocator _locator;

    /// <summary>Hebi's province: at 20-25 px the province character is illegible and the model guesses 皖, 沪, 赣.</summary>
    public const char DefaultHomeProvince = '豫';

    /// <summary>
    /// Prior odds of the home province over the model's own. 50 fixed the province on simulator road frames without
    /// changing any read of the generated test set, half of which are other provinces (docs/benchmarks.md).
    /// </summary>
    public const double DefaultHomeProvinceWeight = 50;

    /// <param name="recognizer">Default: PP-OCRv4 with the <see cref="DefaultHomeProvince"/> prior.</param>
    public PlateReader(PpOcrModels models, PlateLocator? locator = null, PpOcrRecognizer? recognizer = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        _recognizer = recognizer ?? new PpOcrRecognizer(models, DefaultHomeProvince, DefaultHomeProvinceWeight);
        _detector = new PpOcrDetector(models);
        _locator = locator ?? new PlateLocator();
    }

    /// <summary>Reads below this mean character probability are not returned.</summary>
    public double MinConfidence { get; init; } = 0.6;

    /// <summary>
    /// Reads with any character below this are not returned: constrained decoding forces a plate character even where
    /// the model saw something else, and such a forced character has a low probability.
    /// </summary>
    public double MinCharConfidence { get; init; } = 0.3;

    /// <summary>Whether the text detector is tried when colour finds no readable plate.</summary>
    public bool UseDetectorFallback { get; init; } = true;

    /// <summary>How many detector boxes are recognised at most.</summary>
    public int MaxDetectorCandidates { get; init; } = 3;

    public PlateRead? Read(Mat frame, Rect region)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"the frame must be BGR CV_8UC3, got {frame.Type()}", nameof(frame));
        }
        var clipped = region.Intersect(new Rect(0, 0, frame.Width, frame.Height));
        if (clipped.Width < 16 || clipped.Height < 8)
        {
            return null;
        }
        using var view = frame[clipped];
        var best = ReadCandidates(view, _locator.Locate(view));
        if (best is null && UseDetectorFallback)
        {
            best = ReadCandidates(view, _detector.Detect(view).Take(MaxDetectorCandidates));
        }
        return best is null ? null : best with { Box = Offset(best.Box, clipped.Location) };
    }

    private PlateRead? ReadCandidates(Mat view, IEnumerable<PlateCandidate> candidates)
    {
        PlateRead? best = null;
        foreach (var candidate in candidates)
        {
            using var crop = PlateRectifier.Crop(view, candidate);
            var decoded = _recognizer.Recognize(crop);
            if (decoded.Confidence < MinConfidence || decoded.CharConfidences.Any(c => c < MinCharConfidence) || !PlateNumber.TryParse(decoded.Text, out var plate, out _))
            {
                continue;
            }
            if (best is null || decoded.Confidence > best.Confidence)
            {
                best = new PlateRead(plate.Value, decoded.Confidence, PlateColourClassifier.Classify(crop), candidate.Bounds);
            }
        }
        return best;
    }

    private static Rect Offset(Rect box, Point by) => new(box.X + by.X, box.Y + by.Y, box.Width, box.Height);
}

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
    /// Prior odds of the home province over the model's own. On a plate 12-20 px tall the model reads 豫 as 皖, 苏 or 沪
    /// with near certainty: its softmax there says nothing about the province, so the prior must outweigh it by far.
    /// Round 6, on the road scenes 7000-7021 at 1280x720 (78 captured vehicles): 50 read 45 plates exactly (14 wrong
    /// only in the province), 1000 read 56 (7), 20000 read 60 (5); on the generated set of 240 plates 22-50 px tall,
    /// half of them other provinces, 50 and 1000 both read 238, 20000 read 234 (docs/benchmarks.md). 1000 costs no
    /// read of a clear foreign plate.
    /// </summary>
    public const double DefaultHomeProvinceWeight = 1000;

    /// <summary>Hebi's city letter: 豫F is the local prefix.</summary>
    public const char DefaultHomeCity = 'F';

    /// <summary>
    /// Prior odds of the local prefix over another city of the home province, on top of the province's (豫F: x20000 in
    /// all, other 豫 cities x1000). Round 8, on the road scenes 7000-7021 at 1280x720 (85 captured vehicles): 1 read 63
    /// plates exactly (10 wrong only in the province), 20 read 68 (6); 200 with the province at 100 also 68, 667 with
    /// the province at 30 read 67 (7).
    /// </summary>
    public const double DefaultHomeCityWeight = 20;

    /// <summary>
    /// The power the province glyph classifier's likelihood ratios are raised to (<see cref="ProvinceGlyphModel"/>).
    /// Round 15, on validation 6000-6043 at 1280x720 (191 captured smoky vehicles, `analyze evaluate`), plates exact:
    /// 0.869 without the classifier, 0.927 at 2 and at 3 (a one-output 豫-or-not version: 0.901 at 1, 0.911 at 2).
    /// </summary>
    public const double DefaultGlyphWeight = 2;

    /// <param name="recognizer">Default: PP-OCRv4 with the <see cref="DefaultHomeProvince"/> prior.</param>
    public PlateReader(PpOcrModels models, PlateLocator? locator = null, PpOcrRecognizer? recognizer = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        _recognizer = recognizer ?? new PpOcrRecognizer(models, DefaultHomeProvince, DefaultHomeProvinceWeight, DefaultHomeCity, DefaultHomeCityWeight);
        _detector = new PpOcrDetector(models);
        _locator = locator ?? new PlateLocator();
    }

    /// <summary>Reads below this mean character probability are not returned.</summary>
    public double MinConfidence { get; init; } = 0.6;

    /// <summary>
    /// Reads with any character after the province below this are not returned: constrained decoding forces a plate
    /// character even where the model saw something else, and such a forced character has a low probability.
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
            // The province is left out of the per-character gate: where the home prior chose it against the model, its
            // confidence is low by design (PlateCtcDecoder.ConfidencePriorWeight) and only lowers the read's weight.
            if (decoded.Confidence < MinConfidence || decoded.CharConfidences.Skip(1).Any(c => c < MinCharConfidence) || !PlateNumber.TryParse(decoded.Text, out var plate, out _))
            {
                continue;
            }
            if (best is null || decoded.Confidence > best.Confidence)
            {
                best = new PlateRead(plate.Value, decoded.Confidence, PlateColourClassifier.Classify(crop), candidate.Bounds) { Province = decoded.Province };
            }
        }
        return best;
    }

    private static Rect Offset(Rect box, Point by) => new(box.X + by.X, box.Y + by.Y, box.Width, box.Height);
}

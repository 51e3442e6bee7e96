using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// PP-OCRv4 text-line recognition of one crop: resized to height 48 keeping the aspect, padded on the right to
/// 320 as PaddleOCR's predictor does, normalised (x/255-0.5)/0.5, decoded with <see cref="PlateCtcDecoder"/>. With a
/// <see cref="ProvinceGlyphModel"/> the province character is also cut out and classified, and the classifier's
/// likelihood ratios weigh in with the OCR model's probabilities and the home prior.
/// </summary>
public sealed class PpOcrRecognizer
{
    public const int InputHeight = 48;
    public const int InputWidth = 320;

    private readonly PpOcrModels _models;
    private readonly PlateCtcDecoder _decoder;
    private readonly string _inputName;
    private readonly ProvinceGlyphModel? _glyphs;
    private readonly float _glyphWeight;

    /// <param name="homeProvince">The local province prior (see <see cref="PlateCtcDecoder"/>); null for none.</param>
    /// <param name="homeCity">The local city letter prior on top (see <see cref="PlateCtcDecoder"/>); null for none.</param>
    /// <param name="glyphs">Classifies the province character; its home province must be <paramref name="homeProvince"/>.</param>
    /// <param name="glyphWeight">The classifier's likelihood ratios count raised to this power (1: as they are; 0: not at all).</param>
    public PpOcrRecognizer(PpOcrModels models, char? homeProvince = null, double homeProvinceWeight = 1, char? homeCity = null, double homeCityWeight = 1,
        ProvinceGlyphModel? glyphs = null, double glyphWeight = 1)
    {
        _models = models;
        _decoder = new PlateCtcDecoder(models.Dictionary, homeProvince, homeProvinceWeight, homeCity, homeCityWeight);
        _inputName = models.Recognition.InputMetadata.Keys.Single();
        if (glyphs is not null && glyphs.Province != homeProvince)
        {
            throw new ArgumentException($"the province glyph model is for home province {glyphs.Province}, but the home province is {(homeProvince is { } h ? h.ToString() : "not set")}", nameof(glyphs));
        }
        if (!(glyphWeight is >= 0 and <= MaxGlyphWeight))
            throw new ArgumentOutOfRangeException(nameof(glyphWeight), glyphWeight, $"the glyph weight must be between 0 and {MaxGlyphWeight}");
        _glyphs = glyphs;
        _glyphWeight = (float)glyphWeight;
    }

    /// <summary>The largest power the classifier's likelihood ratios may be raised to.</summary>
    public const double MaxGlyphWeight = 4;

    /// <summary>
    /// Keep the <see cref="DecodedText.Province"/> evidence (the glyph and both models' readings) even without a
    /// classifier: for collecting its training data.
    /// </summary>
    public bool KeepProvinceEvidence { get; init; }

    /// <summary>Channel order of the model input; PaddleOCR feeds images as decoded by OpenCV.</summary>
    public bool SwapToRgb { get; init; } = true;

    /// <summary>
    /// Pad every crop to <see cref="InputWidth"/> as PaddleOCR's predictor does; when false the input is only as wide
    /// as the resized crop (rounded up to 8), which halves the work for plate-shaped crops.
    /// </summary>
    public bool PadToFullWidth { get; init; } = true;

    /// <param name="crop">A BGR CV_8UC3 image holding one line of text (a plate).</param>
    public DecodedText Recognize(Mat crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Empty() || crop.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"the crop must be a non-empty BGR CV_8UC3 image, got {crop.Type()} {crop.Width}x{crop.Height}", nameof(crop));
        }
        var (input, resizedWidth) = ToTensor(crop);
        using var results = _models.Recognition.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var output = results[0].AsTensor<float>();
        var dims = output.Dimensions;
        if (dims.Length != 3 || dims[2] != _models.Dictionary.ClassCount)
        {
            throw new InvalidDataException($"recognition output shape [{string.Join(',', dims.ToArray())}] does not match the dictionary's {_models.Dictionary.ClassCount} classes");
        }
        var probabilities = output is DenseTensor<float> dense ? dense.Buffer.Span : output.ToArray();
        var steps = dims[1];
        var runs = _decoder.Runs(probabilities, steps);
        if (runs.Count == 0 || !_decoder.HasHomeProvince || (_glyphs is null && !KeepProvinceEvidence))
        {
            return _decoder.Decode(probabilities, runs);
        }
        var pixelsPerStep = input.Dimensions[3] / (double)steps * crop.Width / resizedWidth;
        var glyph = ProvinceGlyph.Cut(crop, runs[0], pixelsPerStep, PlateColourClassifier.Classify(crop));
        var (ocrHome, ocrOther) = _decoder.ProvinceProbabilities(probabilities, runs[0]);
        float? glyphHome = null;
        float[]? evidence = null;
        if (_glyphs is not null)
        {
            var p = _glyphs.Probabilities(glyph);
            glyphHome = _glyphs.HomeProbability(p);
            evidence = _glyphs.LikelihoodRatios(p);
            // Ratios are within 1e-4..1e4 and the weight at most MaxGlyphWeight: 1e-16..1e16, finite in float.
            for (var i = 0; i < evidence.Length; i++) evidence[i] = MathF.Pow(evidence[i], _glyphWeight);
        }
        return _decoder.Decode(probabilities, runs, evidence) with { Province = new ProvinceEvidence(glyph, ocrHome, ocrOther, glyphHome) };
    }

    private (DenseTensor<float> Tensor, int ResizedWidth) ToTensor(Mat crop)
    {
        var width = (int)Math.Ceiling(InputHeight * (double)crop.Width / crop.Height);
        width = Math.Clamp(width, 8, InputWidth);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(width, InputHeight), interpolation: InterpolationFlags.Linear);
        var tensorWidth = PadToFullWidth ? InputWidth : Math.Min(InputWidth, (width + 7) / 8 * 8);
        var tensor = new DenseTensor<float>([1, 3, InputHeight, tensorWidth]); // zero = mid-grey after normalisation: the padding
        var span = tensor.Buffer.Span;
        var plane = InputHeight * tensorWidth;
        var bgr = MatBytes.Of(resized);
        for (var y = 0; y < InputHeight; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 3;
                var offset = y * tensorWidth + x;
                var (c0, c2) = SwapToRgb ? (bgr[p + 2], bgr[p]) : (bgr[p], bgr[p + 2]);
                span[offset] = c0 / 127.5f - 1f;
                span[plane + offset] = bgr[p + 1] / 127.5f - 1f;
                span[2 * plane + offset] = c2 / 127.5f - 1f;
            }
        }
        return (tensor, width);
    }
}

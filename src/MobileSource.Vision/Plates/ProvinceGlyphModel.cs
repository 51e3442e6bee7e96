using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The province glyph classifier (models/province-glyph.onnx): a small convolutional network trained by this project
/// (tools/MobileSource.PlateGlyphTrainer) on the province characters the plate reader cut from the simulator's road
/// scenes. On a 12-20 px plate the OCR model cannot tell 豫 from 鄂 or 晋; without this network the home prior decides
/// and an out-of-province truck is read as local. Input "glyph" [n, 1, 32, 32] (each byte / 255 - 0.5), output "out"
/// [n, k] (logits over the k provinces it was trained on). Metadata: "province" (the home province), "provinces" (the k
/// classes in output order) and "prior_shares" (their shares among the training glyphs, which its probabilities carry
/// and <see cref="LikelihoodRatios"/> divides out). Thread-safe: one instance serves every camera.
/// </summary>
public sealed class ProvinceGlyphModel : IDisposable
{
    public const string FileName = "province-glyph.onnx";
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", FileName);
    public const string InputName = "glyph";
    public const string OutputName = "out";
    public const string ProvinceKey = "province";
    public const string ProvincesKey = "provinces";
    public const string PriorSharesKey = "prior_shares";
    private readonly InferenceSession _session;
    private readonly double[] _priorShares;
    private readonly int _home;

    private ProvinceGlyphModel(InferenceSession session, char province, string provinces, double[] priorShares)
    {
        _session = session;
        Province = province;
        Provinces = provinces;
        _priorShares = priorShares;
        _home = provinces.IndexOf(province);
    }

    /// <summary>The home province (豫 for Hebi), one of <see cref="Provinces"/>.</summary>
    public char Province { get; }

    /// <summary>The provinces the network tells apart, in output order.</summary>
    public string Provinces { get; }

    /// <summary>Each of <see cref="Provinces"/>' share among the training glyphs.</summary>
    public IReadOnlyList<double> PriorShares => _priorShares;

    public static ProvinceGlyphModel Load(string path)
    {
        var session = OnnxModelFile.Open(path, "province glyph model", "tools/MobileSource.PlateGlyphTrainer");
        try
        {
            if (!session.InputMetadata.TryGetValue(InputName, out var input) || input.Dimensions is not [_, 1, ProvinceGlyph.Side, ProvinceGlyph.Side]
                || input.ElementType != typeof(float))
                throw new InvalidDataException($"province glyph model {path} does not take '{InputName}' [n,1,{ProvinceGlyph.Side},{ProvinceGlyph.Side}] float");
            var metadata = session.ModelMetadata.CustomMetadataMap;
            if (!metadata.TryGetValue(ProvincesKey, out var provinces) || provinces.Length < 2 || provinces.Any(c => !PlateAlphabet.Provinces.Contains(c)) || provinces.Distinct().Count() != provinces.Length)
                throw new InvalidDataException($"province glyph model {path} does not list the provinces it tells apart (metadata '{ProvincesKey}')");
            if (!session.OutputMetadata.TryGetValue(OutputName, out var output) || output.Dimensions is not [_, var k] || k != provinces.Length
                || output.ElementType != typeof(float))
                throw new InvalidDataException($"province glyph model {path} does not give '{OutputName}' [n,{provinces.Length}] float for its {provinces.Length} provinces");
            if (!metadata.TryGetValue(ProvinceKey, out var province) || province.Length != 1 || !provinces.Contains(province[0]))
                throw new InvalidDataException($"province glyph model {path} does not name its home province among {provinces} (metadata '{ProvinceKey}')");
            var priorShares = ParsePriorShares(metadata.GetValueOrDefault(PriorSharesKey), provinces.Length)
                ?? throw new InvalidDataException($"province glyph model {path} lacks '{PriorSharesKey}': {provinces.Length} shares in (0, 1]");
            return new ProvinceGlyphModel(session, province[0], provinces, priorShares);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The comma-separated shares, or null unless there are <paramref name="count"/> of them, each in (0, 1].</summary>
    internal static double[]? ParsePriorShares(string? text, int count)
    {
        var parts = text?.Split(',') ?? [];
        if (parts.Length != count) return null;
        var shares = new double[count];
        for (var i = 0; i < count; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out shares[i]) || !(shares[i] > 0) || shares[i] > 1)
                return null;
        return shares;
    }

    /// <summary>The network's probability (0-1) of each of <see cref="Provinces"/> for <paramref name="glyph"/>.</summary>
    public float[] Probabilities(byte[] glyph)
    {
        ArgumentNullException.ThrowIfNull(glyph);
        if (glyph.Length != ProvinceGlyph.Length) throw new ArgumentException($"a province glyph has {ProvinceGlyph.Length} bytes, not {glyph.Length}", nameof(glyph));
        var input = new DenseTensor<float>([1, 1, ProvinceGlyph.Side, ProvinceGlyph.Side]);
        var span = input.Buffer.Span;
        for (var i = 0; i < glyph.Length; i++) span[i] = glyph[i] / 255f - 0.5f;
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, input)]);
        var logits = results.First(r => r.Name == OutputName).AsTensor<float>().ToArray();
        var max = logits.Max();
        var exp = logits.Select(l => MathF.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    /// <summary>The probability (0-1) that <paramref name="glyph"/> is the home province's character.</summary>
    public float HomeProbability(byte[] glyph) => Probabilities(glyph)[_home];

    /// <summary>The home province's entry of <paramref name="probabilities"/> (from <see cref="Probabilities"/>).</summary>
    public float HomeProbability(float[] probabilities) => probabilities[_home];

    /// <summary>
    /// Per province of <see cref="PlateAlphabet.Provinces"/>, how many times likelier the glyph is under it than under
    /// the other provinces: for the provinces the network knows, its probability over the training share, against the
    /// same for the other provinces together (one against the rest, not pairwise: the decoder's weight,
    /// <see cref="PlateReader.DefaultGlyphWeight"/>, was chosen on these). A province it never saw gets the largest ratio of the other
    /// provinces it knows: the network cannot tell 赣 from the 冀 it learned, and at 1 (no evidence) the OCR model's 赣
    /// lost to that 冀 on the generated plates of all provinces (PlateExactMatchRateTests: 236 of 240 read exactly
    /// without the network, 233 with it so, 235 with this). Kept within 1e-4..1e4 so that one glyph never outweighs
    /// everything else.
    /// </summary>
    /// <param name="p">The glyph's <see cref="Probabilities"/>.</param>
    public float[] LikelihoodRatios(float[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Length != Provinces.Length) throw new ArgumentException($"expected {Provinces.Length} probabilities, got {p.Length}", nameof(p));
        var ratios = new float[PlateAlphabet.Provinces.Length];
        Array.Fill(ratios, float.NaN);
        for (var i = 0; i < Provinces.Length; i++)
        {
            double rest = 0, restPrior = 0;
            for (var j = 0; j < Provinces.Length; j++)
            {
                if (j == i) continue;
                rest += p[j];
                restPrior += _priorShares[j];
            }
            var ratio = Math.Max(p[i], 1e-7) / _priorShares[i] / (Math.Max(rest, 1e-7) / restPrior);
            ratios[PlateAlphabet.Provinces.IndexOf(Provinces[i])] = (float)Math.Clamp(ratio, 1e-4, 1e4);
        }
        var unseen = Provinces.Where(c => c != Province).Max(c => ratios[PlateAlphabet.Provinces.IndexOf(c)]);
        for (var i = 0; i < ratios.Length; i++)
            if (float.IsNaN(ratios[i])) ratios[i] = unseen;
        return ratios;
    }

    public void Dispose() => _session.Dispose();
}

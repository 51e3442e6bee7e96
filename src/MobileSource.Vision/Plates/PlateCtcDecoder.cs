namespace MobileSource.Vision.Plates;

/// <summary>
/// Greedy CTC decoding restricted to plate characters. Whether a time step emits a character, and where a character
/// starts and ends, is decided by the model's unrestricted best label (blank, separator, or anything else); each emitted
/// run is then labelled with the most probable character allowed at its position (province first, a letter second,
/// then letters without I/O, digits and 学警挂港澳领使), so look-alike Chinese characters, I or O cannot win.
/// An optional home-province prior multiplies the odds of the local province at the first position (Bayes with a
/// prior ratio): at 20-25 px the province character is a blur of strokes, while nearly all local traffic carries it.
/// An optional home-city prior multiplies, on top, the odds of the local prefix (province and city letter together,
/// 豫F for Hebi): most traffic is local, and the city letter, unlike the province, is usually legible, so a small
/// plate read as 皖F is Hebi's, while one read clearly as 鄂G need not be Xinxiang's (豫G).
/// </summary>
public sealed class PlateCtcDecoder
{
    private readonly OcrDictionary _dictionary;
    private readonly int[][] _allowedAtPosition;
    private readonly bool[] _isSeparator;
    private readonly Dictionary<int, float> _noEvidence;
    private readonly int _homeProvince = -1;
    private readonly float _homeWeight = 1;
    private readonly int _homeCity = -1;
    private readonly float _homeCityWeight = 1;

    /// <param name="homeProvince">The local province (豫 for Hebi), or null for no prior.</param>
    /// <param name="homeWeight">How many times likelier the local province is than the model alone says (>= 1).</param>
    /// <param name="homeCity">The local city letter (F for Hebi), or null; only with a home province.</param>
    /// <param name="homeCityWeight">How many times likelier, on top, the local prefix is than another city of the home province (>= 1).</param>
    public PlateCtcDecoder(OcrDictionary dictionary, char? homeProvince = null, double homeWeight = 1, char? homeCity = null, double homeCityWeight = 1)
    {
        _dictionary = dictionary;
        if (homeProvince is { } home)
        {
            if (!PlateAlphabet.Provinces.Contains(home))
            {
                throw new ArgumentException($"home province '{home}' is not a province abbreviation", nameof(homeProvince));
            }
            ArgumentOutOfRangeException.ThrowIfLessThan(homeWeight, 1);
            _homeProvince = Require(home);
            _homeWeight = (float)homeWeight;
            if (homeCity is { } city)
            {
                if (!PlateAlphabet.Letters.Contains(city))
                {
                    throw new ArgumentException($"home city '{city}' is not a plate letter", nameof(homeCity));
                }
                ArgumentOutOfRangeException.ThrowIfLessThan(homeCityWeight, 1);
                _homeCity = Require(city);
                _homeCityWeight = (float)homeCityWeight;
            }
        }
        _isSeparator = new bool[dictionary.ClassCount];
        foreach (var c in PlateAlphabet.Separators)
        {
            var index = dictionary.IndexOf(c);
            if (index > 0)
            {
                _isSeparator[index] = true;
            }
        }
        _isSeparator[dictionary.ClassCount - 1] = true; // the space class
        _allowedAtPosition = Enumerable.Range(0, 3).Select(p => PlateAlphabet.AllowedAt(p).Select(Require).ToArray()).ToArray();
        _noEvidence = _allowedAtPosition[0].ToDictionary(label => label, _ => 1f);
    }

    private int Require(char c)
    {
        var index = _dictionary.IndexOf(c);
        return index > 0 ? index : throw new InvalidDataException($"the OCR dictionary lacks the plate character '{c}'");
    }

    /// <summary>Whether a home province prior is set (the only case the province glyph classifier can weigh in).</summary>
    public bool HasHomeProvince => _homeProvince > 0;

    /// <summary>
    /// The time steps (first, last) of each emitted character: runs of equal labels that are neither blank nor
    /// separator under the model's unrestricted best label.
    /// </summary>
    /// <param name="probabilities">Softmax output, <paramref name="steps"/> rows of <see cref="OcrDictionary.ClassCount"/>.</param>
    public IReadOnlyList<(int From, int To)> Runs(ReadOnlySpan<float> probabilities, int steps)
    {
        var classes = _dictionary.ClassCount;
        if (probabilities.Length < steps * classes)
        {
            throw new ArgumentException($"expected {steps}x{classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        }
        var runs = new List<(int From, int To)>();
        var previous = OcrDictionary.Blank;
        for (var t = 0; t < steps; t++)
        {
            var best = ArgMax(probabilities.Slice(t * classes, classes));
            if (best != OcrDictionary.Blank && !_isSeparator[best])
            {
                if (best == previous)
                {
                    runs[^1] = (runs[^1].From, t);
                }
                else
                {
                    runs.Add((t, t));
                }
            }
            previous = best;
        }
        return runs;
    }

    /// <param name="probabilities">Softmax output, <paramref name="steps"/> rows of <see cref="OcrDictionary.ClassCount"/>.</param>
    public DecodedText Decode(ReadOnlySpan<float> probabilities, int steps) => Decode(probabilities, Runs(probabilities, steps));

    /// <param name="runs">From <see cref="Runs"/> on the same probabilities.</param>
    /// <param name="provinceEvidence">
    /// Per province of <see cref="PlateAlphabet.Provinces"/> (in that order), a likelihood ratio from other evidence than
    /// this model (the province glyph classifier) that multiplies the province's probability; null for none. Used only
    /// with a home province.
    /// </param>
    public DecodedText Decode(ReadOnlySpan<float> probabilities, IReadOnlyList<(int From, int To)> runs, IReadOnlyList<float>? provinceEvidence = null)
    {
        var classes = _dictionary.ClassCount;
        var evidence = EvidenceByLabel(provinceEvidence);
        var text = new char[runs.Count];
        var confidences = new double[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var allowed = _allowedAtPosition[Math.Min(i, 2)];
            var (label, p) = i == 0 && _homeProvince > 0
                ? BestProvince(probabilities, classes, runs[i], allowed, evidence)
                : BestOver(probabilities, classes, runs[i], allowed);
            text[i] = _dictionary[label][0]; // plate characters are all single UTF-16 units
            confidences[i] = p;
        }
        if (_homeCity > 0 && runs.Count >= 2) PreferHomePrefix(probabilities, classes, runs, text, confidences, evidence);
        return new DecodedText(new string(text), confidences) { Steps = runs };
    }

    /// <summary>The evidence by dictionary label (1 for every province when none is given: one shared table, read only).</summary>
    private IReadOnlyDictionary<int, float> EvidenceByLabel(IReadOnlyList<float>? provinceEvidence)
    {
        if (provinceEvidence is null) return _noEvidence;
        var byLabel = new Dictionary<int, float>(_allowedAtPosition[0].Length);
        if (provinceEvidence.Count != PlateAlphabet.Provinces.Length)
            throw new ArgumentException($"expected evidence for the {PlateAlphabet.Provinces.Length} provinces, got {provinceEvidence.Count}", nameof(provinceEvidence));
        for (var i = 0; i < _allowedAtPosition[0].Length; i++)
        {
            var e = provinceEvidence[i];
            if (!(e > 0) || float.IsInfinity(e))
                throw new ArgumentOutOfRangeException(nameof(provinceEvidence), e, $"the evidence for {PlateAlphabet.Provinces[i]} must be positive and finite");
            byLabel[_allowedAtPosition[0][i]] = e;
        }
        return byLabel;
    }

    /// <summary>
    /// The model's own reading of the province run: the largest probability of the home province over its steps, and
    /// of the likeliest other province. Both 0 without a home province.
    /// </summary>
    public (float Home, float Other) ProvinceProbabilities(ReadOnlySpan<float> probabilities, (int From, int To) run)
    {
        if (_homeProvince <= 0) return (0, 0);
        var classes = _dictionary.ClassCount;
        float home = 0, other = 0;
        for (var t = run.From; t <= run.To; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            foreach (var k in _allowedAtPosition[0])
            {
                if (k == _homeProvince) home = Math.Max(home, row[k]);
                else other = Math.Max(other, row[k]);
            }
        }
        return (home, other);
    }

    /// <summary>
    /// The prefix chosen position by position (province under the home prior, then the letter) against the home prefix
    /// under both priors: whichever has the larger prior-weighted probability wins.
    /// </summary>
    private void PreferHomePrefix(ReadOnlySpan<float> probabilities, int classes, IReadOnlyList<(int From, int To)> runs, char[] text, double[] confidences,
        IReadOnlyDictionary<int, float> evidence)
    {
        var homeWeight = _homeWeight * evidence[_homeProvince];
        var province = _dictionary.IndexOf(text[0]);
        var letter = _dictionary.IndexOf(text[1]);
        if (province == _homeProvince && letter == _homeCity) return;
        var chosen = MaxOver(probabilities, classes, runs[0], province) * (province == _homeProvince ? homeWeight : evidence[province])
                     * MaxOver(probabilities, classes, runs[1], letter);
        var homeProvinceP = MaxOver(probabilities, classes, runs[0], _homeProvince);
        var homeCityP = MaxOver(probabilities, classes, runs[1], _homeCity);
        if (homeProvinceP * homeWeight * homeCityP * _homeCityWeight <= chosen) return;
        text[0] = _dictionary[_homeProvince][0];
        text[1] = _dictionary[_homeCity][0];
        // Reported as a province chosen by the prior is (BestProvince): the capped posterior, so the read weighs little.
        var weight = Math.Min(_homeWeight * _homeCityWeight, ConfidencePriorWeight);
        confidences[0] = weight * homeProvinceP / (1 + (weight - 1) * homeProvinceP);
        confidences[1] = homeCityP;
    }

    private static float MaxOver(ReadOnlySpan<float> probabilities, int classes, (int From, int To) run, int label)
    {
        var best = 0f;
        for (var t = run.From; t <= run.To; t++) best = Math.Max(best, probabilities[t * classes + label]);
        return best;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
        {
            if (row[k] > row[best])
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>
    /// Prior odds the reported confidence of the province is computed with (at most). The label is chosen with the full
    /// prior, but a crop the model could not read the province of is usually a poor crop altogether: its confidence must
    /// stay low so that sharper reads of the same vehicle outvote it (<see cref="PlateVote"/>) and the reader's
    /// mean-confidence gate still sees it. Under the full x1000 prior every province would be reported at about 1.
    /// </summary>
    public const float ConfidencePriorWeight = 50;

    /// <summary>
    /// As <see cref="BestOver"/> with the home prior and the evidence; P is the posterior of the chosen label at its step,
    /// renormalised with the prior (capped at <see cref="ConfidencePriorWeight"/>) applied but not the evidence: the
    /// glyph classifier picks the province, the confidence stays the OCR model's. Counted in full it lifted reads to
    /// 0.95 whose province the classifier merely favoured (it names a foreign province right 40 % of the time per read),
    /// and such a read decides a capture early (StreamAnalyzerOptions.GoodPlateConfidence): on held-out 720p one vehicle
    /// was captured twice, once under a wrong plate.
    /// </summary>
    private (int Label, float P) BestProvince(ReadOnlySpan<float> probabilities, int classes, (int From, int To) run, int[] allowed, IReadOnlyDictionary<int, float> evidence)
    {
        var label = allowed[0];
        var best = float.MinValue;
        var posterior = 0f;
        var confidencePrior = Math.Min(_homeWeight, ConfidencePriorWeight);
        for (var t = run.From; t <= run.To; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            foreach (var k in allowed)
            {
                var weighted = row[k] * evidence[k] * (k == _homeProvince ? _homeWeight : 1);
                if (weighted > best)
                {
                    best = weighted;
                    label = k;
                    posterior = row[k] * (k == _homeProvince ? confidencePrior : 1) / (1 + (confidencePrior - 1) * row[_homeProvince]);
                }
            }
        }
        return (label, posterior);
    }

    private static (int Label, float P) BestOver(ReadOnlySpan<float> probabilities, int classes, (int From, int To) run, int[] allowed)
    {
        var label = allowed[0];
        var best = float.MinValue;
        for (var t = run.From; t <= run.To; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            foreach (var k in allowed)
            {
                if (row[k] > best)
                {
                    best = row[k];
                    label = k;
                }
            }
        }
        return (label, best);
    }
}

/// <summary>Decoded characters and, per character, the probability of the chosen label.</summary>
public sealed record DecodedText(string Text, IReadOnlyList<double> CharConfidences)
{
    /// <summary>The CTC time steps (first, last) each character was read from.</summary>
    public IReadOnlyList<(int From, int To)> Steps { get; init; } = [];

    /// <summary>What the province was judged from, when the recogniser keeps it (<see cref="PpOcrRecognizer"/>).</summary>
    public ProvinceEvidence? Province { get; init; }

    /// <summary>Mean of the per-character probabilities; 0 for no characters.</summary>
    public double Confidence => CharConfidences.Count == 0 ? 0 : CharConfidences.Average();
}

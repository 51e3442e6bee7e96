namespace MobileSource.Vision.Plates;

/// <summary>
/// Greedy CTC decoding restricted to plate characters. Each time step takes the most probable of blank, plate
/// characters and separators; runs collapse as in CTC; then each emitted run is re-labelled with the most probable
/// character allowed at its position (province first, letter second), so look-alike Chinese characters cannot win.
/// </summary>
public sealed class PlateCtcDecoder
{
    private readonly OcrDictionary _dictionary;
    private readonly int[] _candidates;
    private readonly int[][] _allowedAtPosition;
    private readonly bool[] _isSeparator;

    public PlateCtcDecoder(OcrDictionary dictionary)
    {
        _dictionary = dictionary;
        _isSeparator = new bool[dictionary.ClassCount];
        var candidates = new List<int> { OcrDictionary.Blank };
        foreach (var c in PlateAlphabet.All.Distinct())
        {
            candidates.Add(Require(c));
        }
        foreach (var c in PlateAlphabet.Separators)
        {
            var index = dictionary.IndexOf(c);
            if (index > 0)
            {
                candidates.Add(index);
                _isSeparator[index] = true;
            }
        }
        candidates.Add(dictionary.ClassCount - 1); // the space class
        _isSeparator[dictionary.ClassCount - 1] = true;
        _candidates = candidates.Distinct().ToArray();
        _allowedAtPosition = Enumerable.Range(0, 3).Select(p => PlateAlphabet.AllowedAt(p).Select(Require).ToArray()).ToArray();
    }

    private int Require(char c)
    {
        var index = _dictionary.IndexOf(c);
        return index > 0 ? index : throw new InvalidDataException($"the OCR dictionary lacks the plate character '{c}'");
    }

    /// <param name="probabilities">Softmax output, <paramref name="steps"/> rows of <see cref="OcrDictionary.ClassCount"/>.</param>
    public DecodedText Decode(ReadOnlySpan<float> probabilities, int steps)
    {
        var classes = _dictionary.ClassCount;
        if (probabilities.Length < steps * classes)
        {
            throw new ArgumentException($"expected {steps}x{classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        }

        // Runs of equal non-blank labels: (first step, last step) of each emitted character.
        var runs = new List<(int From, int To)>();
        var previous = OcrDictionary.Blank;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = OcrDictionary.Blank;
            var bestP = float.MinValue;
            foreach (var k in _candidates)
            {
                if (row[k] > bestP)
                {
                    bestP = row[k];
                    best = k;
                }
            }
            if (best != OcrDictionary.Blank && !_isSeparator[best])
            {
                if (best == previous && runs.Count > 0 && runs[^1].To == t - 1)
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

        var text = new char[runs.Count];
        var confidences = new double[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var allowed = _allowedAtPosition[Math.Min(i, 2)];
            var (label, p) = BestOver(probabilities, classes, runs[i], allowed);
            text[i] = _dictionary[label][0]; // plate characters are all single UTF-16 units
            confidences[i] = p;
        }
        return new DecodedText(new string(text), confidences);
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
    /// <summary>Mean of the per-character probabilities; 0 for no characters.</summary>
    public double Confidence => CharConfidences.Count == 0 ? 0 : CharConfidences.Average();
}

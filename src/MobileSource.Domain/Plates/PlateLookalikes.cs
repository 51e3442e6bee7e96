namespace MobileSource.Domain.Plates;

/// <summary>
/// Characters that plate readers confuse (0/D/Q/O, 8/B, 2/Z, 5/S, 1/I). O and I are never valid in a serial,
/// but readers still produce them, so they take part as read characters.
/// </summary>
public static class PlateLookalikes
{
    private static readonly string[] Groups = ["0DQO", "8B", "2Z", "5S", "1I"];

    // The province character is never varied: readers get it from a separate classifier.
    private const int FirstVariedPosition = 1;

    /// <summary>The characters a reader may have confused with <paramref name="c"/>, excluding <paramref name="c"/>.</summary>
    public static IReadOnlyList<char> Alternatives(char c)
    {
        foreach (var group in Groups)
        {
            if (group.Contains(c))
            {
                return group.Where(other => other != c).ToArray();
            }
        }
        return [];
    }

    /// <summary>
    /// Every valid plate reachable from <paramref name="normalisedRead"/> by replacing 1 to
    /// <paramref name="maxSubstitutions"/> characters (not the province) with look-alikes, each once with
    /// its substitution count, ordered by that count and then ordinally. The read itself is not included.
    /// </summary>
    public static IEnumerable<(string Candidate, int Substitutions)> Variants(string normalisedRead, int maxSubstitutions = 2)
    {
        ArgumentNullException.ThrowIfNull(normalisedRead);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSubstitutions);
        var read = PlateNumber.Normalize(normalisedRead);
        var alternatives = new IReadOnlyList<char>[read.Length];
        for (var i = 0; i < read.Length; i++)
        {
            alternatives[i] = i < FirstVariedPosition ? [] : Alternatives(read[i]);
        }

        // Each candidate differs from the read in exactly the substituted positions, so the
        // number of substitutions used to reach it is also the minimal one.
        var found = new List<(string Candidate, int Substitutions)>();
        var buffer = read.ToCharArray();
        Substitute(0, 0);
        return found
            .OrderBy(v => v.Substitutions)
            .ThenBy(v => v.Candidate, StringComparer.Ordinal)
            .ToList();

        void Substitute(int from, int used)
        {
            if (used > 0)
            {
                var candidate = new string(buffer);
                if (PlateNumber.TryParse(candidate, out _, out _))
                {
                    found.Add((candidate, used));
                }
            }
            if (used == maxSubstitutions)
            {
                return;
            }
            for (var i = from; i < buffer.Length; i++)
            {
                foreach (var alternative in alternatives[i])
                {
                    buffer[i] = alternative;
                    Substitute(i + 1, used + 1);
                }
                buffer[i] = read[i];
            }
        }
    }
}

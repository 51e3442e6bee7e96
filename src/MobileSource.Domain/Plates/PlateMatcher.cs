namespace MobileSource.Domain.Plates;

/// <summary>Finds known plates for a plate reader's read, as ALPR hotlists do: exact first, then look-alikes.</summary>
public static class PlateMatcher
{
    /// <param name="read">The plate as read; normalised here.</param>
    /// <param name="exists">Whether a normalised plate is known (e.g. in the registry or on the blacklist).</param>
    public static IReadOnlyList<PlateMatch> Rank(string read, Func<string, bool> exists, int maxSubstitutions = 2)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(exists);
        var normalised = PlateNumber.Normalize(read);
        var matches = new List<PlateMatch>();
        if (PlateNumber.TryParse(normalised, out var exact, out _) && exists(exact.Value))
        {
            matches.Add(new PlateMatch(exact, 0));
        }
        foreach (var (candidate, substitutions) in PlateLookalikes.Variants(normalised, maxSubstitutions))
        {
            if (exists(candidate))
            {
                matches.Add(new PlateMatch(PlateNumber.Parse(candidate), substitutions));
            }
        }
        return matches;
    }
}

using MobileSource.Domain.Plates;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The plate of one tracked vehicle from its reads over many frames. Reads are weighted by their confidence and by the
/// square root of their box area (a larger crop is a sharper read), and vote character by character among the reads of
/// the most weighted length: a far, blurred province glyph misread on some frames is outvoted by the frames where it was
/// large, even when no single read got every character right. Not thread-safe: one per track.
/// </summary>
public sealed class PlateVote
{
    private readonly List<(PlateRead Read, double Weight)> _reads = [];

    public int Reads => _reads.Count;

    public void Add(PlateRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var weight = Math.Clamp(read.Confidence, 0, 1) * Math.Sqrt(Math.Max(1, read.Box.Width * read.Box.Height));
        _reads.Add((read, weight));
    }

    /// <summary>
    /// The winning text, or null before any read. Confidence is the mean confidence of the reads of that length, times
    /// the share of all weight those reads carry, times the agreement on the least agreed character: disagreement
    /// between frames lowers it; a single read keeps its own confidence.
    /// </summary>
    public PlateVoteResult? Winner()
    {
        if (_reads.Count == 0)
        {
            return null;
        }
        var total = _reads.Sum(r => r.Weight);
        var group = _reads.GroupBy(r => r.Read.Text.Length).MaxBy(g => g.Sum(r => r.Weight))!.ToList();
        var groupWeight = group.Sum(r => r.Weight);
        var length = group[0].Read.Text.Length;
        var chars = new char[length];
        var leastAgreement = 1.0;
        for (var i = 0; i < length; i++)
        {
            var (c, weight) = group.GroupBy(r => r.Read.Text[i]).Select(g => (g.Key, g.Sum(r => r.Weight))).MaxBy(x => x.Item2);
            chars[i] = c;
            leastAgreement = Math.Min(leastAgreement, groupWeight > 0 ? weight / groupWeight : 1);
        }
        var text = new string(chars);
        if (!PlateNumber.TryParse(text, out _, out _))
        {
            // Characters from different reads that together break the grammar: fall back to the heaviest whole read.
            text = group.GroupBy(r => r.Read.Text).MaxBy(g => g.Sum(r => r.Weight))!.Key;
        }
        var agreeing = _reads.Where(r => r.Read.Text == text).ToList();
        var colourFrom = agreeing.Count > 0 ? agreeing : group;
        var colour = colourFrom.GroupBy(r => r.Read.Colour).MaxBy(g => g.Sum(r => r.Weight))!.Key;
        var share = total > 0 ? groupWeight / total : 0;
        var confidence = group.Average(r => r.Read.Confidence) * share * leastAgreement;
        return new PlateVoteResult(text, confidence, colour, agreeing.Count, _reads.Count);
    }
}

/// <summary>The vote's winner: text, confidence 0-1, colour, and how many of all reads agreed.</summary>
public sealed record PlateVoteResult(string Text, double Confidence, PlateColour Colour, int AgreeingReads, int TotalReads);

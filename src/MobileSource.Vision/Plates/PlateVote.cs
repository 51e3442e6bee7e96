using MobileSource.Domain.Plates;

namespace MobileSource.Vision.Plates;

/// <summary>
/// The plate of one tracked vehicle from its reads over many frames: reads of the same text add up, each weighted by
/// its confidence and by the square root of its box area (a larger crop is a sharper read). Not thread-safe: one per track.
/// </summary>
public sealed class PlateVote
{
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private double _totalWeight;

    private sealed class Tally
    {
        public double Weight;
        public double ConfidenceSum;
        public int Reads;
        public readonly Dictionary<PlateColour, double> Colours = [];
    }

    public int Reads { get; private set; }

    public void Add(PlateRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var weight = Math.Clamp(read.Confidence, 0, 1) * Math.Sqrt(Math.Max(1, read.Box.Width * read.Box.Height));
        if (!_tallies.TryGetValue(read.Text, out var tally))
        {
            _tallies[read.Text] = tally = new Tally();
        }
        tally.Weight += weight;
        tally.ConfidenceSum += read.Confidence;
        tally.Reads++;
        tally.Colours[read.Colour] = tally.Colours.GetValueOrDefault(read.Colour) + weight;
        _totalWeight += weight;
        Reads++;
    }

    /// <summary>
    /// The winning text, or null before any read. Confidence is the winner's mean read confidence times its share
    /// of all weight, so disagreement between frames lowers it; a single read keeps its own confidence.
    /// </summary>
    public PlateVoteResult? Winner()
    {
        if (_tallies.Count == 0)
        {
            return null;
        }
        var (text, tally) = _tallies.MaxBy(t => t.Value.Weight);
        var share = _totalWeight > 0 ? tally.Weight / _totalWeight : 0;
        var confidence = tally.ConfidenceSum / tally.Reads * share;
        var colour = tally.Colours.MaxBy(c => c.Value).Key;
        return new PlateVoteResult(text, confidence, colour, tally.Reads, Reads);
    }
}

/// <summary>The vote's winner: text, confidence 0-1, colour, and how many of all reads agreed.</summary>
public sealed record PlateVoteResult(string Text, double Confidence, PlateColour Colour, int AgreeingReads, int TotalReads);

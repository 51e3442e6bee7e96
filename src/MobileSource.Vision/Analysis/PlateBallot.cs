using MobileSource.Vision.Plates;

namespace MobileSource.Vision.Analysis;

/// <summary>The reads of one track's plate; the text with the greatest summed confidence wins.</summary>
internal sealed class PlateBallot
{
    private readonly Dictionary<string, (double Sum, int Count, PlateRead Best)> _votes = [];

    /// <summary>Read attempts, with or without a result.</summary>
    public int Reads { get; private set; }

    public void CountMiss() => Reads++;

    public void Add(PlateRead read)
    {
        Reads++;
        _votes[read.Text] = _votes.TryGetValue(read.Text, out var v)
            ? (v.Sum + read.Confidence, v.Count + 1, read.Confidence > v.Best.Confidence ? read : v.Best)
            : (read.Confidence, 1, read);
    }

    /// <summary>The winning text with its mean confidence, or null without reads.</summary>
    public PlateRead? Winner
    {
        get
        {
            if (_votes.Count == 0) return null;
            var w = _votes.MaxBy(kv => kv.Value.Sum).Value;
            return w.Best with { Confidence = w.Sum / w.Count };
        }
    }
}

using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>
/// Associates blobs with tracks frame by frame: greedy on IoU against each track's constant-velocity prediction,
/// then on centre distance; a track survives <see cref="TrackerOptions.MaxMisses"/> frames without a blob
/// (occlusion, a crossing); ids are never reused.
/// </summary>
public sealed class VehicleTracker(TrackerOptions options)
{
    private readonly List<Track> _active = [];
    private int _nextId = 1;

    public IReadOnlyList<Track> Active => _active;
    /// <summary>Tracks confirmed (enough hits) so far, ended or not.</summary>
    public int ConfirmedCount { get; private set; }

    /// <summary>
    /// Updates the tracks with this frame's blobs (and, optionally, each blob's mean colour); returns the tracks that
    /// ended on it.
    /// </summary>
    public List<Track> Update(IReadOnlyList<Rect> blobs, long frame, TimeSpan sourceTime, IReadOnlyList<Vec3f>? colours = null)
    {
        var pairs = new List<(double Score, int Track, int Blob)>();
        for (var t = 0; t < _active.Count; t++)
        {
            var predicted = _active[t].Predicted(frame);
            var reach = 0.6 * Math.Max(predicted.Width, predicted.Height) + 2;
            for (var b = 0; b < blobs.Count; b++)
            {
                var iou = IoU(predicted, blobs[b]);
                var distance = Distance(Track.Centre(predicted), Track.Centre(blobs[b]));
                var sizeRatio = (double)(blobs[b].Width * blobs[b].Height) / Math.Max(1, predicted.Width * predicted.Height);
                // A box cannot become a different size in one frame: a car's track must not take the truck beside it.
                if (sizeRatio is <= 0.4 or >= 2.5) continue;
                if (colours is not null && _active[t].Colour is { } was && ColourChange(was, colours[b]) > options.MaxColourChange) continue;
                if (iou >= options.MinIoU) pairs.Add((1 + iou, t, b));
                else if (distance <= reach) pairs.Add((1 - distance / reach, t, b));
            }
        }
        pairs.Sort((x, y) => y.Score.CompareTo(x.Score));
        var trackTaken = new bool[_active.Count];
        var blobTaken = new bool[blobs.Count];
        var merged = MergedBlobs(blobs, frame);
        foreach (var (_, t, b) in pairs)
        {
            if (trackTaken[t] || blobTaken[b] || merged.ContainsKey(b)) continue;
            trackTaken[t] = blobTaken[b] = true;
            var track = _active[t];
            track.Update(Receding(track, blobs[b]), frame, sourceTime);
            NoteWhole(track, blobs[b]);
            if (colours is not null) track.SeeColour(colours[b]);
            if (track.Hits == options.MinHits) ConfirmedCount++;
        }
        foreach (var (b, tracks) in merged)
        {
            blobTaken[b] = true;
            foreach (var t in tracks)
            {
                if (trackTaken[t]) continue;
                trackTaken[t] = true;
                _active[t].Coast(frame, sourceTime);
            }
        }
        var ended = new List<Track>();
        for (var t = _active.Count - 1; t >= 0; t--)
        {
            if (trackTaken[t]) continue;
            _active[t].Miss();
            if (_active[t].Misses > options.MaxMisses)
            {
                ended.Add(_active[t]);
                _active.RemoveAt(t);
            }
        }
        for (var b = 0; b < blobs.Count; b++)
        {
            if (blobTaken[b]) continue;
            var track = new Track(_nextId++, blobs[b], frame, sourceTime);
            NoteWhole(track, blobs[b]);
            if (colours is not null) track.SeeColour(colours[b]);
            _active.Add(track);
        }
        ended.Reverse();
        return ended;
    }

    /// <summary>
    /// Blobs that are two or more tracked vehicles run together (a crossing, an overtaking): each such blob covers
    /// most of several predictions and is clearly bigger than any of them. Those tracks coast on their predictions.
    /// </summary>
    private Dictionary<int, List<int>> MergedBlobs(IReadOnlyList<Rect> blobs, long frame)
    {
        var merged = new Dictionary<int, List<int>>();
        for (var b = 0; b < blobs.Count; b++)
        {
            var blob = blobs[b];
            var inside = new List<int>();
            for (var t = 0; t < _active.Count; t++)
            {
                if (_active[t].Hits < 2) continue;
                var p = _active[t].Predicted(frame);
                var overlap = p & blob;
                if (overlap.Width <= 0 || overlap.Height <= 0) continue;
                if (overlap.Width * overlap.Height >= 0.5 * p.Width * p.Height && blob.Width * blob.Height >= 1.3 * p.Width * p.Height)
                    inside.Add(t);
            }
            if (inside.Count >= 2) merged[b] = inside;
        }
        return merged;
    }

    private Rect Receding(Track track, Rect blob)
    {
        if (options.RecedingFrameHeight is null || track.Hits < 2) return blob;
        // Judged on the blobs, not on the box: a box that coasted up through a merge while the vehicle was still
        // entering is not a vehicle seen whole, and cutting its blob to that box's height would stick for good.
        var tallest = track.RecentMaxHeight;
        if (!track.SeenWhole || blob.Height <= tallest * options.MaxRecedingGrowth) return blob;
        return new Rect(blob.X, blob.Y, blob.Width, tallest);
    }

    private void NoteWhole(Track track, Rect blob)
    {
        if (options.RecedingFrameHeight is { } height && blob.Bottom < height - 2) track.MarkSeenWhole();
    }

    /// <summary>
    /// Ends <paramref name="track"/> and starts a confirmed track with a new id on its current box: the box has been
    /// found to hold another vehicle (one that ran into it from behind and took its blob). Returns the new track.
    /// </summary>
    public Track Split(Track track)
    {
        var index = _active.IndexOf(track);
        if (index < 0) throw new ArgumentException($"track {track.Id} is not active", nameof(track));
        // Nothing learnt about the vehicle ahead (its colour, whether it was seen whole) holds for this one.
        var successor = new Track(_nextId++, track.Box, track.LastFrame, track.LastSourceTime, hits: options.MinHits) { SplitFrom = track.Id };
        _active[index] = successor;
        ConfirmedCount++;
        return successor;
    }

    /// <summary>Ends every active track (end of stream).</summary>
    public List<Track> EndAll()
    {
        var ended = _active.ToList();
        _active.Clear();
        return ended;
    }

    public bool IsConfirmed(Track track) => track.Hits >= options.MinHits;

    public static double IoU(Rect a, Rect b)
    {
        var i = a & b;
        if (i.Width <= 0 || i.Height <= 0) return 0;
        double inter = i.Width * i.Height;
        return inter / (a.Width * a.Height + b.Width * b.Height - inter);
    }

    private static double ColourChange(Vec3f a, Vec3f b) =>
        Math.Max(Math.Abs(a.Item0 - b.Item0), Math.Max(Math.Abs(a.Item1 - b.Item1), Math.Abs(a.Item2 - b.Item2)));

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

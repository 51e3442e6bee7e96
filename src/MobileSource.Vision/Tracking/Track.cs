using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>One vehicle followed across frames. Boxes are in the tracker's (analysis) coordinates.</summary>
public sealed class Track(int id, Rect box, long frame, TimeSpan sourceTime, int hits = 1)
{
    public int Id { get; } = id;
    /// <summary>The track this one was split from (<see cref="VehicleTracker.Split"/>): its box held this vehicle at the end.</summary>
    public int? SplitFrom { get; init; }
    public Rect Box { get; private set; } = box;
    /// <summary>Box centre displacement per frame (smoothed).</summary>
    public Point2f Velocity { get; private set; }
    /// <summary>The box the track was started with.</summary>
    public Rect FirstBox { get; } = box;
    public long FirstFrame { get; } = frame;
    public TimeSpan FirstSourceTime { get; } = sourceTime;
    public long LastFrame { get; private set; } = frame;
    public TimeSpan LastSourceTime { get; private set; } = sourceTime;
    public int Hits { get; private set; } = hits;
    /// <summary>Consecutive frames without a matching blob.</summary>
    public int Misses { get; private set; }
    /// <summary>Whether the box was matched on the latest frame.</summary>
    public bool Seen => Misses == 0;

    /// <summary>
    /// Whether a blob matched to this track ever ended above the bottom edge (set by a tracker that knows the frame
    /// height): the whole vehicle was in view. A box coasting through a merge does not count.
    /// </summary>
    public bool SeenWhole { get; private set; }

    /// <summary>Mean BGR over the box (smoothed), when the tracker was given colours; null otherwise.</summary>
    public Vec3f? Colour { get; private set; }

    private readonly Queue<int> _recentHeights = new([box.Height]);
    /// <summary>The tallest of the box's last few heights: a piece that broke off for a frame may join again.</summary>
    public int RecentMaxHeight => _recentHeights.Max();

    public Rect Predicted(long frame)
    {
        var steps = (float)(frame - LastFrame);
        return new Rect((int)Math.Round(Box.X + Velocity.X * steps), (int)Math.Round(Box.Y + Velocity.Y * steps), Box.Width, Box.Height);
    }

    internal void Update(Rect box, long frame, TimeSpan sourceTime)
    {
        var steps = Math.Max(1, frame - LastFrame);
        var dx = (Centre(box).X - Centre(Box).X) / steps;
        var dy = (Centre(box).Y - Centre(Box).Y) / steps;
        Velocity = Hits == 1 ? new Point2f(dx, dy) : new Point2f(0.6f * Velocity.X + 0.4f * dx, 0.6f * Velocity.Y + 0.4f * dy);
        Box = box;
        _recentHeights.Enqueue(box.Height);
        if (_recentHeights.Count > 5) _recentHeights.Dequeue();
        LastFrame = frame;
        LastSourceTime = sourceTime;
        Hits++;
        Misses = 0;
    }

    internal void SeeColour(Vec3f c) =>
        Colour = Colour is { } old ? new Vec3f(0.7f * old.Item0 + 0.3f * c.Item0, 0.7f * old.Item1 + 0.3f * c.Item1, 0.7f * old.Item2 + 0.3f * c.Item2) : c;

    internal void MarkSeenWhole() => SeenWhole = true;

    internal void Miss() => Misses++;

    /// <summary>Hidden in another vehicle's blob: follow the prediction, keep the velocity.</summary>
    internal void Coast(long frame, TimeSpan sourceTime)
    {
        Box = Predicted(frame);
        LastFrame = frame;
        LastSourceTime = sourceTime;
        Misses = 0;
    }

    internal static Point2f Centre(Rect r) => new(r.X + r.Width / 2f, r.Y + r.Height / 2f);
}

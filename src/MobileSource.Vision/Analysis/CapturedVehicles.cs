using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// The tracks captured within the last <c>window</c>, so a vehicle is captured once: a second track on it (a fragment,
/// or the vehicle re-acquired after its track was lost) lies mostly on where a captured track is, or would be by its
/// motion, or it started where a captured track had just been lost. Vehicles side by side overlap less than that.
/// </summary>
internal sealed class CapturedVehicles(TimeSpan window)
{
    /// <summary>The share of the smaller box the two must have in common to be the same vehicle.</summary>
    public const double SameVehicleOverlap = 0.8;

    /// <summary>
    /// A track that starts within this time after a captured track was last seen, where that track would then have been
    /// (<see cref="HandOverOverlap"/> of the smaller box), took the vehicle over: the prediction is still close then,
    /// while by the time the new track is decided (a second or more later) it has drifted off a receding vehicle.
    /// </summary>
    public static readonly TimeSpan HandOverGap = TimeSpan.FromSeconds(1);
    public const double HandOverOverlap = 0.5;

    private readonly List<Track> _tracks = [];

    public void Add(Track track) => _tracks.Add(track);

    public bool Covers(Track track)
    {
        _tracks.RemoveAll(c => track.LastSourceTime - c.LastSourceTime > window);
        return _tracks.Any(c => c.Id != track.Id && (Holds(c, track.LastFrame, track.Box, SameVehicleOverlap) || TookOver(track, c)));
    }

    private static bool TookOver(Track track, Track captured) =>
        track.FirstFrame > captured.LastFrame && track.FirstSourceTime - captured.LastSourceTime <= HandOverGap
        && Holds(captured, track.FirstFrame, track.FirstBox, HandOverOverlap);

    /// <summary>Whether <paramref name="box"/> and where <paramref name="captured"/> would be on <paramref name="frame"/> share <paramref name="share"/> of the smaller box.</summary>
    private static bool Holds(Track captured, long frame, Rect box, double share)
    {
        var common = captured.Predicted(frame) & box;
        if (common.Width <= 0 || common.Height <= 0) return false;
        var smaller = Math.Min(box.Width * box.Height, captured.Box.Width * captured.Box.Height);
        return common.Width * common.Height >= share * smaller;
    }
}

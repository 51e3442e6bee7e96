using MobileSource.Vision.Tracking;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// The tracks captured within the last <c>window</c>, so a vehicle is captured once: a second track on it (a fragment,
/// or the vehicle re-acquired after its track was lost) lies mostly on where a captured track is, or would be by its
/// motion. Vehicles side by side overlap less than that.
/// </summary>
internal sealed class CapturedVehicles(TimeSpan window)
{
    /// <summary>The share of the smaller box the two must have in common to be the same vehicle.</summary>
    public const double SameVehicleOverlap = 0.8;

    private readonly List<Track> _tracks = [];

    public void Add(Track track) => _tracks.Add(track);

    public bool Covers(Track track)
    {
        _tracks.RemoveAll(c => track.LastSourceTime - c.LastSourceTime > window);
        var box = track.Box;
        foreach (var captured in _tracks)
        {
            if (captured.Id == track.Id) continue;
            var common = captured.Predicted(track.LastFrame) & box;
            if (common.Width <= 0 || common.Height <= 0) continue;
            var smaller = Math.Min(box.Width * box.Height, captured.Box.Width * captured.Box.Height);
            if (common.Width * common.Height >= SameVehicleOverlap * smaller) return true;
        }
        return false;
    }
}

using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// The tracks captured within the last <c>window</c>, so a vehicle is captured once: a second track on it (a fragment,
/// or the vehicle re-acquired after its track was lost) lies mostly on where a captured track is, or would be by its
/// motion, or it started where a captured track had just been lost, or its plate (after the province, within one
/// character) was captured within <c>plateWindow</c>. Vehicles side by side overlap less than that.
/// </summary>
internal sealed class CapturedVehicles(TimeSpan window, TimeSpan plateWindow)
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
    private readonly List<(string Plate, TimeSpan SourceTime)> _plates = [];

    public void Add(Track track, string? plate = null)
    {
        _tracks.Add(track);
        if (plate is not null) _plates.Add((plate, track.LastSourceTime));
    }

    /// <param name="track">The track about to be captured.</param>
    /// <param name="plate">Its plate, if read.</param>
    /// <param name="boxesNow">
    /// Every track's vehicle box on the current frame, brought onto its rear where the tail lamps were found: a fragment
    /// of a vehicle whose tracked box covers another part of it (a tanker's chassis below its tank at dusk) shares the
    /// lamps, and so the fitted box, while the raw boxes are apart.
    /// </param>
    public bool Covers(Track track, string? plate = null, IReadOnlyDictionary<int, Rect>? boxesNow = null)
    {
        _tracks.RemoveAll(c => track.LastSourceTime - c.LastSourceTime > window);
        _plates.RemoveAll(p => track.LastSourceTime - p.SourceTime > plateWindow);
        if (plate is not null && _plates.Any(p => SamePlate(p.Plate, plate))) return true;
        // The track this one was split from ended on a box that held both vehicles: it says nothing about this one.
        return _tracks.Any(c => c.Id != track.Id && c.Id != track.SplitFrom
                                && (OnPrediction(c.Predicted(track.LastFrame), track.Box, SameVehicleOverlap) || TookOver(track, c) || SameBodyNow(c, track, boxesNow)));
    }

    /// <summary>
    /// How many times taller than where a captured vehicle would be a box may be and still be that vehicle. A second
    /// track on a vehicle is the same size or a fragment (smaller); a box several times taller that holds a receding
    /// vehicle's predicted box is a nearer vehicle in the same lane, seen as the far one drives out of view.
    /// </summary>
    public const double MaxGrowth = 3;

    private static bool OnPrediction(Rect predicted, Rect box, double share) =>
        box.Height <= MaxGrowth * predicted.Height && Holds(predicted, box, share);

    /// <summary>
    /// Reads of one plate: equal after the province character, or differing there in one character. Two reads of one
    /// vehicle from different tracks often differ in one look-alike (0/Q, 5/S), and on a small plate in the province
    /// too (the province glyph classifier and the home prior decide it from a 10-pixel glyph: held-out 720p had one
    /// vehicle captured twice, as 皖F54105 and 豫F541D5). Two smoky vehicles captured within the window whose plates
    /// match so after the province are rare: even were every serial all digits, about 5 x 10^-4 for a pair.
    /// </summary>
    private static bool SamePlate(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 2) return false;
        var differing = 0;
        for (var i = 1; i < a.Length && differing <= 1; i++)
            if (a[i] != b[i]) differing++;
        return differing <= 1;
    }

    private static bool TookOver(Track track, Track captured) =>
        track.FirstFrame > captured.LastFrame && track.FirstSourceTime - captured.LastSourceTime <= HandOverGap
        && OnPrediction(captured.Predicted(track.FirstFrame), track.FirstBox, HandOverOverlap);

    private static bool SameBodyNow(Track captured, Track track, IReadOnlyDictionary<int, Rect>? boxesNow) =>
        boxesNow is not null && boxesNow.TryGetValue(captured.Id, out var a) && boxesNow.TryGetValue(track.Id, out var b)
        && Holds(a, b, SameVehicleOverlap);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> share <paramref name="share"/> of the smaller box.</summary>
    private static bool Holds(Rect a, Rect b, double share)
    {
        var common = a & b;
        if (common.Width <= 0 || common.Height <= 0) return false;
        var smaller = Math.Min(a.Width * a.Height, b.Width * b.Height);
        return common.Width * common.Height >= share * smaller;
    }
}

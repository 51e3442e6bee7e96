using MobileSource.HardwareSim.Camera;

namespace MobileSource.Analyze.Simulation;

/// <summary>One capture judged against the truth: the vehicle it is about (if any) and whether that vehicle smokes.</summary>
internal sealed record MatchedCapture(CaptureResult Capture, TruthVehicle? Vehicle, bool TruePositive, bool Duplicate);

/// <summary>
/// Matches captures to truth vehicles: the capture's frames must overlap the vehicle's visible frames; a capture whose
/// plate equals a candidate's plate takes it, otherwise the candidate in the capture's lane (left or right half of the
/// image: the camera hangs over the lane line) with the largest overlap. A vehicle matched twice makes the second a
/// duplicate (a false positive).
/// </summary>
internal static class CaptureMatcher
{
    public static List<MatchedCapture> Match(SceneTruth truth, IReadOnlyList<CaptureResult> captures)
    {
        var taken = new HashSet<int>();
        var result = new List<MatchedCapture>();
        foreach (var c in captures.OrderByDescending(c => c.PlateConfidence ?? 0))
        {
            var first = (int)Math.Round(c.FirstTime.TotalSeconds * truth.Fps);
            var last = (int)Math.Round(c.LastTime.TotalSeconds * truth.Fps);
            var candidates = truth.Vehicles.Where(v => Overlap(v, first, last) > 0).ToList();
            var lane = c.VehicleBox.X + c.VehicleBox.Width / 2.0 < c.FrameWidth / 2.0 ? 1 : 2;
            var vehicle = candidates.FirstOrDefault(v => c.Plate is not null && v.Plate == c.Plate)
                          ?? candidates.Where(v => v.Lane == lane).MaxBy(v => Overlap(v, first, last))
                          ?? candidates.MaxBy(v => Overlap(v, first, last));
            var duplicate = vehicle is not null && !taken.Add(vehicle.Id);
            result.Add(new MatchedCapture(c, vehicle, vehicle is { Smoky: true } && !duplicate, duplicate));
        }
        return result;
    }

    private static int Overlap(TruthVehicle v, int first, int last) => Math.Min(v.LastFrame, last) - Math.Max(v.FirstFrame, first) + 1;
}

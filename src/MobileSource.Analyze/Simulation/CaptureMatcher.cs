using MobileSource.HardwareSim.Camera;

namespace MobileSource.Analyze.Simulation;

/// <summary>One capture judged against the truth: the vehicle it is about (if any) and whether that vehicle smokes.</summary>
internal sealed record MatchedCapture(CaptureResult Capture, TruthVehicle? Vehicle, bool TruePositive, bool Duplicate);

/// <summary>
/// Matches captures to truth vehicles. A capture whose plate equals the plate of a vehicle in view during the capture
/// takes that vehicle; otherwise the vehicle whose body box, at the time of the capture's vehicle key frame, overlaps
/// the capture's vehicle box best (IoU at least <see cref="MinIoU"/>), or else holds most of it
/// (<see cref="SimulatedScene.VehicleOf"/>). A capture on no vehicle (a box over road, or over two vehicles at once) is
/// a false positive, and so is a second capture of one vehicle (a duplicate).
/// </summary>
internal static class CaptureMatcher
{
    public const double MinIoU = 0.2;

    public static List<MatchedCapture> Match(SimulatedScene scene, IReadOnlyList<CaptureResult> captures)
    {
        var truth = scene.Truth;
        var taken = new HashSet<int>();
        var result = new List<MatchedCapture>();
        foreach (var c in captures.OrderByDescending(c => c.PlateConfidence ?? 0))
        {
            var first = (int)Math.Round(c.FirstTime.TotalSeconds * truth.Fps);
            var last = (int)Math.Round(c.LastTime.TotalSeconds * truth.Fps);
            var byPlate = truth.Vehicles.FirstOrDefault(v => c.Plate is not null && v.Plate == c.Plate
                                                             && Math.Min(v.LastFrame, last) >= Math.Max(v.FirstFrame, first));
            var vehicle = byPlate ?? (scene.VehicleOf(scene.ToScene(c.VehicleBox, c.FrameWidth), scene.SourceFrame(c.VehicleTime), MinIoU) is { } spec
                ? truth.Vehicles.First(v => v.Id == spec.Id)
                : null);
            var duplicate = vehicle is not null && !taken.Add(vehicle.Id);
            result.Add(new MatchedCapture(c, vehicle, vehicle is { Smoky: true } && !duplicate, duplicate));
        }
        return result;
    }
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Analyze.Simulation;

/// <summary>
/// Perfect vehicle detection, for measuring how much of the accuracy gap is detection (`evaluate --truth-boxes`): the
/// body box of every vehicle in view, from the scene's truth, scaled to the analyzer's image. A vehicle
/// mostly hidden behind nearer ones is left out, as no camera could box it.
/// </summary>
internal sealed class TruthVehicleDetector(SimulatedScene scene) : IVehicleDetector
{
    /// <summary>Share of a body box covered by nearer vehicles' boxes beyond which the vehicle counts as hidden.</summary>
    public const double MaxHidden = 0.7;

    public IReadOnlyList<Rect> Detect(VideoFrame frame, AnalysisImage image)
    {
        var source = scene.SourceFrame(frame.SourceTime);
        var nearestFirst = scene.Spec.Vehicles
            .Select(v => (Vehicle: v, Body: scene.BodyBox(v, source)))
            .Where(x => x.Body is not null)
            .OrderBy(x => x.Vehicle.RearZ(source, scene.Spec.Fps))
            .Select(x => x.Body!.Value);
        var seen = new List<Rect>();
        foreach (var body in nearestFirst)
            if (seen.Sum(near => Overlap(near, body)) <= MaxHidden * body.Width * body.Height) seen.Add(body);
        var s = image.Width / (double)scene.Spec.Width;
        return seen.Select(r => new Rect((int)(r.X * s), (int)(r.Y * s), (int)Math.Ceiling(r.Width * s), (int)Math.Ceiling(r.Height * s))).ToList();
    }

    private static int Overlap(Rect a, Rect b)
    {
        var o = a & b;
        return o.Width > 0 && o.Height > 0 ? o.Width * o.Height : 0;
    }
}

using System.Numerics;
using System.Runtime.InteropServices;
using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Analyze.Simulation;

/// <summary>
/// A simulator scene rendered in-process at the detect rate (only the source frames the detect rate would keep, as
/// ffmpeg's fps filter does), with each vehicle's image box and plume core for labelling and matching.
/// </summary>
internal sealed class SimulatedScene : IDisposable
{
    private readonly SceneRenderer _renderer;
    private readonly byte[] _bgra;

    public SimulatedScene(int seed, SceneOptions options)
    {
        Spec = SceneSpec.FromSeed(seed, options);
        _renderer = new SceneRenderer(Spec);
        _bgra = new byte[_renderer.FrameBytes];
    }

    public SceneSpec Spec { get; }
    public SceneTruth Truth => Spec.Truth;

    public IEnumerable<VideoFrame> Frames(double detectFps)
    {
        var step = Spec.Fps / detectFps;
        for (long i = 0; ; i++)
        {
            var source = (int)Math.Round(i * step);
            if (source >= Spec.FrameCount) yield break;
            _renderer.RenderFrameBgra(source, _bgra);
            using var bgra = new Mat(Spec.Height, Spec.Width, MatType.CV_8UC4);
            Marshal.Copy(_bgra, 0, bgra.Data, _bgra.Length);
            var bgr = new Mat();
            Cv2.CvtColor(bgra, bgr, ColorConversionCodes.BGRA2BGR);
            var time = TimeSpan.FromSeconds(source / (double)Spec.Fps);
            yield return new VideoFrame(i, time, DateTimeOffset.UnixEpoch + time, bgr);
        }
    }

    public int SourceFrame(TimeSpan t) => (int)Math.Round(t.TotalSeconds * Spec.Fps);

    /// <summary>
    /// A box the analyzer reported at its detect size (<paramref name="detectWidth"/> wide: a 1920x1080 scene is
    /// detected at 1280x720) in the scene's own pixels, where the truth boxes are.
    /// </summary>
    public Rect ToScene(Rect box, int detectWidth)
    {
        if (detectWidth == Spec.Width) return box;
        var s = Spec.Width / (double)detectWidth;
        return new Rect((int)Math.Round(box.X * s), (int)Math.Round(box.Y * s), (int)Math.Round(box.Width * s), (int)Math.Round(box.Height * s));
    }

    /// <summary>The bounding box of the vehicle's body in the image at <paramref name="frame"/>, clipped; null when out of view.</summary>
    public Rect? BodyBox(VehicleSpec v, int frame)
    {
        if (frame < v.FirstFrame || frame > v.LastFrame) return null;
        if (SceneSpec.ProjectedBox(v, v.RearZ(frame, Spec.Fps), Spec.Camera) is not { } box) return null;
        var x0 = (int)Math.Clamp(box.Left, 0, Spec.Width);
        var y0 = (int)Math.Clamp(box.Top, 0, Spec.Height);
        var x1 = (int)Math.Clamp(box.Right, 0, Spec.Width);
        var y1 = (int)Math.Clamp(box.Bottom, 0, Spec.Height);
        return x1 - x0 < 2 || y1 - y0 < 2 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The vehicle whose body box overlaps <paramref name="box"/> best (IoU at least <paramref name="minIoU"/>).</summary>
    public VehicleSpec? VehicleAt(Rect box, int frame, double minIoU = 0.3)
    {
        VehicleSpec? best = null;
        var bestIoU = minIoU;
        foreach (var v in Spec.Vehicles)
        {
            if (BodyBox(v, frame) is not { } body) continue;
            var iou = Vision.Tracking.VehicleTracker.IoU(body, box);
            if (iou < bestIoU) continue;
            bestIoU = iou;
            best = v;
        }
        return best;
    }

    /// <summary>
    /// The vehicle a reported box is about: the best overlap (IoU at least <paramref name="minIoU"/>), or else the
    /// vehicle whose body holds at least half of the box, nearest the camera first (it hides those behind it). A box on
    /// part of a vehicle (the lit rear of a truck whose grey body matches the road) still shows that vehicle.
    /// </summary>
    public VehicleSpec? VehicleOf(Rect box, int frame, double minIoU)
    {
        if (VehicleAt(box, frame, minIoU) is { } v) return v;
        var area = Math.Max(1, box.Width * box.Height);
        return Spec.Vehicles
            .Select(v => (v, body: BodyBox(v, frame)))
            .Where(x => x.body is { } b && (b & box) is { Width: > 0, Height: > 0 } o && o.Width * o.Height >= MinContained * area)
            .OrderBy(x => x.v.RearZ(frame, Spec.Fps))
            .Select(x => x.v)
            .FirstOrDefault();
    }

    /// <summary>Share of a reported box that must lie on a vehicle's body for <see cref="VehicleOf"/> to name it.</summary>
    public const double MinContained = 0.5;

    /// <summary>Points along the plume's trail: the puffs stay where they were emitted, so the trail lies on the road behind the vehicle.</summary>
    public IEnumerable<Point> PlumeTrail(VehicleSpec v, int frame)
    {
        var rear = v.RearZ(frame, Spec.Fps);
        foreach (var back in new[] { 0.5f, 1f, 1.5f, 2f, 3f, 4f })
        {
            var z = rear - back;
            if (z < CameraGeometry.NearClipZ + 0.5f) yield break;
            var p = Spec.Camera.Project(new Vector3(v.ExhaustX, 0.6f, z));
            yield return new Point((int)p.X, (int)p.Y);
        }
    }

    public Point2f PlumeCore(VehicleSpec v, int frame)
    {
        var p = _renderer.PlumeCore(v, frame);
        return new Point2f(p.X, p.Y);
    }

    public void Dispose() => _renderer.Dispose();
}

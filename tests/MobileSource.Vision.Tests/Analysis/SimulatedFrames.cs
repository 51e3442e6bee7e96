using System.Runtime.InteropServices;
using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

/// <summary>
/// A small simulator scene rendered in-process at 10 detect fps and run through the analyzer as deployed: the trained
/// smoke models and the learned vehicle detector.
/// </summary>
internal static class SimulatedFrames
{
    public static (SceneSpec Scene, List<SmokeCapture> Captures) Analyze(int seed, SceneOptions options)
    {
        var scene = SceneSpec.FromSeed(seed, options);
        using var renderer = new SceneRenderer(scene);
        using var model = FastTreeSmokeClassifier.Load();
        using var vehicles = VehicleDetectorModel.Load(VehicleDetectorModel.DefaultPath);
        using var analyzer = new StreamAnalyzer(new StreamAnalyzerOptions(), model, null, vehicleDetector: vehicles);
        var bgra = new byte[renderer.FrameBytes];
        var captures = new List<SmokeCapture>();
        for (var i = 0; ; i++)
        {
            var source = (int)Math.Round(i * scene.Fps / 10.0);
            if (source >= scene.FrameCount) break;
            renderer.RenderFrameBgra(source, bgra);
            using var raw = new Mat(scene.Height, scene.Width, MatType.CV_8UC4);
            Marshal.Copy(bgra, 0, raw.Data, bgra.Length);
            var bgr = new Mat();
            Cv2.CvtColor(raw, bgr, ColorConversionCodes.BGRA2BGR);
            var time = TimeSpan.FromSeconds(source / (double)scene.Fps);
            using var frame = new VideoFrame(i, time, DateTimeOffset.UnixEpoch + time, bgr);
            captures.AddRange(analyzer.Process(frame));
        }
        captures.AddRange(analyzer.Complete());
        return (scene, captures);
    }

    public static int SourceFrame(SceneSpec scene, TimeSpan t) => (int)Math.Round(t.TotalSeconds * scene.Fps);
}

using MobileSource.HardwareSim.Camera;

namespace MobileSource.Analyze.Simulation;

/// <summary>
/// Renders a simulator scene once into &lt;work&gt;/&lt;seed&gt;-&lt;options&gt;/video.mp4 (the simulator's own writer, only the frames
/// the detect rate keeps) plus truth.json, so training and evaluation can be re-run on the same videos without the
/// (slow) renderer. The analysis then reads the MP4 through ffmpeg like any camera file. A scene is rendered into a
/// ".part" folder and moved into place when complete, so an interrupted render is never taken for a cached one.
/// </summary>
internal static class SceneCache
{
    /// <summary>Bumped when the simulator changes what a seed renders (v2: the longer smoke-camera view, 6-18 m gaps).</summary>
    public const string SimulatorVersion = "g2";

    public static async Task<string> EnsureAsync(string work, int seed, SceneOptions options, double detectFps, CancellationToken ct = default)
    {
        var share = Math.Abs(options.SmokyShare - 0.4) < 1e-9 ? "" : FormattableString.Invariant($"-s{options.SmokyShare:0.##}");
        var dir = Path.Combine(work, $"{seed}-{options.Vehicles}v-{options.Width}x{options.Height}{share}-{SimulatorVersion}");
        var video = Path.Combine(dir, CameraVideoWriter.VideoFileName);
        if (File.Exists(video)) return video;
        var partial = dir + ".part";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        await CameraVideoWriter.WriteAsync(SceneSpec.FromSeed(seed, options), partial, ct, detectFps);
        Directory.Move(partial, dir);
        return video;
    }
}

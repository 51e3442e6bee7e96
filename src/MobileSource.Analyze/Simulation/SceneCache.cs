using System.Diagnostics;
using System.Runtime.InteropServices;
using MobileSource.HardwareSim.Camera;

namespace MobileSource.Analyze.Simulation;

/// <summary>
/// Renders a simulator scene once into &lt;work&gt;/&lt;seed&gt;/video.mp4 (H.264 through Debian's ffmpeg, only the frames the
/// detect rate keeps) plus truth.json, so training and evaluation can be re-run on the same videos without the
/// (slow) renderer. The analysis then reads the MP4 through ffmpeg like any camera file.
/// </summary>
internal static class SceneCache
{
    public static async Task<string> EnsureAsync(string work, int seed, SceneOptions options, double detectFps, CancellationToken ct = default)
    {
        var share = Math.Abs(options.SmokyShare - 0.4) < 1e-9 ? "" : FormattableString.Invariant($"-s{options.SmokyShare:0.##}");
        var dir = Path.Combine(work, $"{seed}-{options.Vehicles}v-{options.Width}x{options.Height}{share}");
        var video = Path.Combine(dir, "video.mp4");
        if (File.Exists(video)) return video;
        Directory.CreateDirectory(dir);
        var scene = SceneSpec.FromSeed(seed, options);
        using var renderer = new SceneRenderer(scene);
        var partial = video + ".part.mp4";
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgra", "-s", $"{scene.Width}x{scene.Height}",
                     "-r", detectFps.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "pipe:0",
                     "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", partial })
            info.ArgumentList.Add(a);
        using var ffmpeg = Process.Start(info) ?? throw new IOException("cannot start ffmpeg");
        var stderr = ffmpeg.StandardError.ReadToEndAsync(ct);
        var buffer = new byte[renderer.FrameBytes];
        var input = ffmpeg.StandardInput.BaseStream;
        var step = scene.Fps / detectFps;
        for (var i = 0; ; i++)
        {
            var source = (int)Math.Round(i * step);
            if (source >= scene.FrameCount) break;
            renderer.RenderFrameBgra(source, buffer);
            await input.WriteAsync(buffer, ct);
        }
        input.Close();
        await ffmpeg.WaitForExitAsync(ct);
        if (ffmpeg.ExitCode != 0) throw new IOException($"ffmpeg failed writing {video}: {await stderr}");
        await File.WriteAllTextAsync(Path.Combine(dir, "truth.json"), scene.Truth.ToJson(), ct);
        File.Move(partial, video, overwrite: true);
        return video;
    }
}

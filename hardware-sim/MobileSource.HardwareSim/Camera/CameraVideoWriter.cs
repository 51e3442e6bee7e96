using System.Diagnostics;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// Renders a scene and encodes it with Debian's ffmpeg (raw BGRA frames piped to libx264), then writes truth.json.
/// Rendering and encoding overlap: ffmpeg encodes on its own threads while the next frame is drawn.
/// </summary>
public static class CameraVideoWriter
{
    public const string VideoFileName = "video.mp4";
    public const string TruthFileName = "truth.json";

    /// <summary>Writes <c>video.mp4</c> and <c>truth.json</c> into <paramref name="directory"/>; returns the video path.</summary>
    /// <param name="outputFps">
    /// Frames per second of the video (default: the scene's). Lower keeps only the frames a detect rate would keep; the
    /// truth still counts frames at the scene's fps.
    /// </param>
    /// <exception cref="InvalidOperationException">ffmpeg is missing or failed; the message carries its stderr.</exception>
    public static async Task<string> WriteAsync(SceneSpec scene, string directory, CancellationToken cancellationToken = default, double? outputFps = null)
    {
        Directory.CreateDirectory(directory);
        var video = Path.Combine(directory, VideoFileName);
        await EncodeAsync(scene, video, cancellationToken, outputFps);
        await File.WriteAllTextAsync(Path.Combine(directory, TruthFileName), scene.Truth.ToJson(), cancellationToken);
        return video;
    }

    /// <summary>Encodes the frames of <paramref name="scene"/> to the MP4 <paramref name="videoPath"/>.</summary>
    public static async Task EncodeAsync(SceneSpec scene, string videoPath, CancellationToken cancellationToken = default, double? outputFps = null)
    {
        var fps = outputFps ?? scene.Fps;
        if (fps <= 0 || fps > scene.Fps)
        {
            throw new ArgumentOutOfRangeException(nameof(outputFps), outputFps, $"output fps must be above 0 and at most the scene's {scene.Fps}");
        }
        var frames = KeptFrames(scene, fps);
        var rate = fps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gop = Math.Max(1, (int)Math.Round(fps)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-hide_banner", "-loglevel", "error", "-y",
                     "-f", "rawvideo", "-pix_fmt", "bgra", "-s", $"{scene.Width}x{scene.Height}", "-r", rate, "-i", "-",
                     "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", gop,
                     "-movflags", "+faststart", videoPath,
                 })
        {
            start.ArgumentList.Add(arg);
        }
        Process ffmpeg;
        try
        {
            ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("ffmpeg is not on PATH: install the Debian package ffmpeg", e);
        }
        using (ffmpeg)
        {
            var stderr = ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
            var input = ffmpeg.StandardInput.BaseStream;
            try
            {
                await foreach (var frame in ParallelFrameSource.RenderInOrderAsync(scene, cancellationToken, frames: frames))
                {
                    await input.WriteAsync(frame.Bytes.AsMemory(0, frame.Length), cancellationToken);
                    frame.Return();
                }
                await input.FlushAsync(cancellationToken);
                input.Close();
            }
            catch (IOException e)
            {
                await ffmpeg.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"ffmpeg stopped reading frames: {await stderr}", e);
            }
            catch (OperationCanceledException)
            {
                ffmpeg.Kill();
                throw;
            }
            await ffmpeg.WaitForExitAsync(cancellationToken);
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg failed (exit {ffmpeg.ExitCode}) encoding {videoPath}: {(await stderr).Trim()}");
            }
        }
    }

    /// <summary>The scene frames a video at <paramref name="fps"/> shows: the nearest scene frame to each output instant.</summary>
    public static IReadOnlyList<int> KeptFrames(SceneSpec scene, double fps)
    {
        var step = scene.Fps / fps;
        var frames = new List<int>();
        for (var i = 0; ; i++)
        {
            var frame = (int)Math.Round(i * step);
            if (frame >= scene.FrameCount)
            {
                return frames;
            }
            frames.Add(frame);
        }
    }
}

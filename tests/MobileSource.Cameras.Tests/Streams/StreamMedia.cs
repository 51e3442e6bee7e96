using System.Diagnostics;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>Small test videos made once per run with Debian's ffmpeg: good, truncated, not-video, still image.</summary>
public sealed class StreamMedia : IDisposable
{
    public StreamMedia()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("camera-streams-").FullName;
        Good = Path.Combine(Directory, "good.mp4");
        Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=10", "-t", "6", "-c:v", "libx264", "-g", "10", "-pix_fmt", "yuv420p", Good);
        // An MP4 cut off before its index was written, as a recorder that lost power leaves it.
        Truncated = Path.Combine(Directory, "truncated.mp4");
        var bytes = File.ReadAllBytes(Good);
        File.WriteAllBytes(Truncated, bytes[..(bytes.Length / 3)]);
        NotVideo = Path.Combine(Directory, "notes.mp4");
        File.WriteAllText(NotVideo, "plate,time\n豫F12345,2026-11-29 08:00\n");
        Picture = Path.Combine(Directory, "picture.mp4");
        Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180", "-frames:v", "1", "-f", "image2", "-c:v", "png", Picture);
        Still = Path.Combine(Directory, "still.mp4");
        Ffmpeg("-loop", "1", "-i", Picture, "-t", "8", "-r", "10", "-c:v", "libx264", "-pix_fmt", "yuv420p", Still);
    }

    public string Directory { get; }
    public string Good { get; }
    public string Truncated { get; }
    public string NotVideo { get; }
    public string Picture { get; }
    public string Still { get; }

    public string NewFolder(string name) => System.IO.Directory.CreateTempSubdirectory($"{name}-").FullName;

    /// <summary>Runs Debian's ffmpeg to make test media; throws with its stderr when it fails.</summary>
    internal static void Ffmpeg(params string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-v", "error", "-y" }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)}: {err}");
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Diagnostics;

namespace MobileSource.FunctionalTests.Captures;

/// <summary>
/// Real evidence media made once per test run with Debian's ffmpeg: a 2 s H.264 clip and JPEG stills, as the
/// stream side writes them. Small, so that every test can stage its own copies.
/// </summary>
public static class SampleMedia
{
    private static readonly Lazy<string> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Made.Value;

    public static string Clip => Path.Combine(Folder, "clip.mp4");
    public static string Still(string name) => Path.Combine(Folder, name + ".jpg");

    private static string Make()
    {
        var folder = Directory.CreateTempSubdirectory("mobilesource-media-").FullName;
        Run($"-f lavfi -i testsrc2=size=320x240:rate=10 -t 2 -c:v libx264 -pix_fmt yuv420p -movflags +faststart {Path.Combine(folder, "clip.mp4")}");
        foreach (var (name, colour) in new[] { ("vehicle", "gray"), ("smoke", "black"), ("plate", "yellow"), ("anpr", "blue"), ("scene", "green") })
        {
            Run($"-f lavfi -i color=c={colour}:size=160x120 -frames:v 1 -q:v 4 {Path.Combine(folder, name + ".jpg")}");
        }
        return folder;
    }

    private static void Run(string arguments)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error -y " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = ffmpeg.StandardError.ReadToEnd();
        if (!ffmpeg.WaitForExit(60_000) || ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {arguments} failed: {error}");
        }
    }
}

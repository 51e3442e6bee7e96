using System.Diagnostics;
using System.Text.Json;
using MobileSource.Vision.Tests.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

/// <summary>The analyze CLI as a process: JSON shapes for a video and an image, clear errors naming the file.</summary>
public class AnalyzeCliTests : IClassFixture<AnalyzeCliTests.Files>
{
    private readonly Files _files;

    public AnalyzeCliTests(Files files) => _files = files;

    public sealed class Files : IDisposable
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analyze-cli-" + Guid.NewGuid().ToString("N"));
        public string Video => Path.Combine(Directory, "road.mp4");
        public string Image => Path.Combine(Directory, "road.png");

        public Files()
        {
            System.IO.Directory.CreateDirectory(Directory);
            var road = new SyntheticRoad(seed: 3);
            road.Vehicles.Add(new SyntheticVehicle(10, new Rect(260, 300, 110, 90), new Point2d(0, -8), new Scalar(40, 120, 40), 2.0));
            using var writer = new VideoWriter(Path.Combine(Directory, "road.avi"), FourCC.MJPG, 10, new Size(640, 360));
            for (var f = 0; f < 40; f++)
            {
                using var frame = road.Render(f);
                writer.Write(frame.Image);
                if (f == 25) Cv2.ImWrite(Image, frame.Image);
            }
            writer.Release();
            var ffmpeg = Process.Start("ffmpeg", ["-v", "error", "-y", "-i", Path.Combine(Directory, "road.avi"), "-c:v", "libx264", "-pix_fmt", "yuv420p", Video])!;
            ffmpeg.WaitForExit();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }

    [Fact]
    public void A_video_gives_captures_with_source_frames_and_a_vehicle_count()
    {
        var (code, stdout, stderr) = Run(_files.Video, "--json", "--no-plates");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("vehicles").GetInt32() >= 1);
        foreach (var c in json.RootElement.GetProperty("captures").EnumerateArray())
        {
            foreach (var name in new[] { "plate", "plateConfidence", "ringelmann", "smokeScore", "firstFrame", "lastFrame" })
                Assert.True(c.TryGetProperty(name, out _), name);
            Assert.True(c.GetProperty("lastFrame").GetInt64() >= c.GetProperty("firstFrame").GetInt64());
        }
    }

    [Fact]
    public void An_image_gives_smoke_and_plates()
    {
        var (code, stdout, stderr) = Run(_files.Image, "--json", "--no-plates");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var smoke = json.RootElement.GetProperty("smoke");
        foreach (var name in new[] { "present", "score", "ringelmann", "box" }) Assert.True(smoke.TryGetProperty(name, out _), name);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("plates").ValueKind);
    }

    [Fact]
    public void A_missing_file_a_text_file_and_a_corrupt_video_fail_naming_the_file()
    {
        var missing = Path.Combine(_files.Directory, "nope.mp4");
        var text = Path.Combine(_files.Directory, "notes.mp4");
        File.WriteAllText(text, "not a video at all");
        var corrupt = Path.Combine(_files.Directory, "corrupt.mp4");
        var bytes = File.ReadAllBytes(_files.Video);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 3)]);
        foreach (var path in new[] { missing, text, corrupt })
        {
            var (code, _, stderr) = Run(path, "--json", "--no-plates");
            Assert.NotEqual(0, code);
            Assert.Contains(Path.GetFileName(path), stderr);
        }
    }

    [Fact]
    public void A_missing_or_broken_vehicle_detector_fails_naming_the_file_and_motion_blobs_need_none()
    {
        var missing = Path.Combine(_files.Directory, "no-detector.onnx");
        var broken = Path.Combine(_files.Directory, "broken-detector.onnx");
        File.WriteAllText(broken, "not a model");
        foreach (var path in new[] { missing, broken })
        {
            var (code, _, stderr) = Run(_files.Video, "--json", "--no-plates", "--vehicle-model", path);
            Assert.NotEqual(0, code);
            Assert.Contains(Path.GetFileName(path), stderr);
        }
        var (blobsCode, stdout, blobsStderr) = Run(_files.Video, "--json", "--no-plates", "--motion-blobs");
        Assert.True(blobsCode == 0, blobsStderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("vehicles").GetInt32() >= 1);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analyze.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "analyze did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

using System.Diagnostics;
using System.Text.Json;
using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Benchmarks;

/// <summary>
/// plate-scene --scene DIR [--step 3] [--home-weight 1000 (1: no prior)] [--home-city-weight 20 (1: none)]: reads the plates of a hardware-sim camera scene (DIR/video.mp4 + truth.json).
/// Every step-th frame is decoded by ffmpeg; the left and right halves of the frame are read as lane 1 and lane 2,
/// and a read counts for a vehicle when it is the only one the truth puts in that lane on that frame. Each vehicle's
/// reads are combined with <see cref="PlateVote"/>. Prints frame-level and per-vehicle exact matches.
/// </summary>
internal static class PlateSceneCommand
{
    private sealed record Vehicle(int Id, string Plate, string Colour, int FirstFrame, int LastFrame, int Lane);

    public static int Run(CommandOptions options)
    {
        var scene = options.Text("scene");
        if (scene is null || !File.Exists(Path.Combine(scene, "video.mp4")) || !File.Exists(Path.Combine(scene, "truth.json")))
        {
            Console.Error.WriteLine("--scene must name a folder with video.mp4 and truth.json (hardware-sim camera --seed N --out DIR)");
            return 1;
        }
        var step = options.Number("step", 3);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(scene, "truth.json")));
        var width = truth.RootElement.GetProperty("width").GetInt32();
        var height = truth.RootElement.GetProperty("height").GetInt32();
        var vehicles = truth.RootElement.GetProperty("vehicles").EnumerateArray().Select(v => new Vehicle(
            v.GetProperty("id").GetInt32(), v.GetProperty("plate").GetString()!, v.GetProperty("plateColour").GetString()!,
            v.GetProperty("firstFrame").GetInt32(), v.GetProperty("lastFrame").GetInt32(), v.GetProperty("lane").GetInt32())).ToList();

        using var models = new PpOcrModels();
        var homeWeight = options.Number("home-weight", (int)PlateReader.DefaultHomeProvinceWeight);
        var cityWeight = options.Number("home-city-weight", (int)PlateReader.DefaultHomeCityWeight);
        var reader = new PlateReader(models, recognizer: new PpOcrRecognizer(models, homeWeight > 1 ? PlateReader.DefaultHomeProvince : null, homeWeight,
            homeWeight > 1 && cityWeight > 1 ? PlateReader.DefaultHomeCity : null, cityWeight));
        var votes = vehicles.ToDictionary(v => v.Id, _ => new PlateVote());
        int reads = 0, exact = 0, frames = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (index, frame) in Frames(Path.Combine(scene, "video.mp4"), width, height, step))
        {
            using (frame)
            {
                frames++;
                foreach (var lane in new[] { 1, 2 })
                {
                    var inLane = vehicles.Where(v => v.Lane == lane && v.FirstFrame <= index && index <= v.LastFrame).ToList();
                    if (inLane.Count != 1)
                    {
                        continue;
                    }
                    var region = lane == 1 ? new Rect(0, 0, width / 2, height) : new Rect(width / 2, 0, width - width / 2, height);
                    if (reader.Read(frame, region) is not { } read)
                    {
                        continue;
                    }
                    reads++;
                    exact += read.Text == inLane[0].Plate ? 1 : 0;
                    votes[inLane[0].Id].Add(read);
                }
            }
        }
        Console.WriteLine($"plate-scene: {scene}, lighting {truth.RootElement.GetProperty("lighting").GetString()}, 豫 prior x{homeWeight}, 豫F x{cityWeight} more, every {step}. frame ({frames} frames) in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  frame-level reads: {reads}, exact {exact} ({(reads == 0 ? 0 : exact / (double)reads):P1})");
        var right = 0;
        foreach (var v in vehicles)
        {
            var winner = votes[v.Id].Winner();
            var ok = winner?.Text == v.Plate;
            right += ok ? 1 : 0;
            Console.WriteLine($"  vehicle {v.Id,2} {v.Plate} ({v.Colour}): {winner?.Text ?? "no read"} {winner?.Colour} confidence {winner?.Confidence:F2} agreeing {winner?.AgreeingReads}/{winner?.TotalReads} {(ok ? "OK" : "MISS")}");
        }
        Console.WriteLine($"  vehicles read right: {right}/{vehicles.Count}");
        return 0;
    }

    private static IEnumerable<(int Index, Mat Frame)> Frames(string video, int width, int height, int step)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-loglevel", "error", "-i", video, "-vf", $"select=not(mod(n\\,{step}))", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "-" })
        {
            start.ArgumentList.Add(arg);
        }
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started");
        ffmpeg.ErrorDataReceived += (_, _) => { };
        ffmpeg.BeginErrorReadLine();
        var stream = ffmpeg.StandardOutput.BaseStream;
        var buffer = new byte[width * height * 3];
        for (var n = 0; ; n++)
        {
            var filled = 0;
            while (filled < buffer.Length)
            {
                var got = stream.Read(buffer, filled, buffer.Length - filled);
                if (got == 0)
                {
                    ffmpeg.WaitForExit();
                    yield break;
                }
                filled += got;
            }
            var frame = new Mat(height, width, MatType.CV_8UC3);
            System.Runtime.InteropServices.Marshal.Copy(buffer, 0, frame.Data, buffer.Length);
            yield return (n * step, frame);
        }
    }
}

using MobileSource.HardwareSim.Camera;
using MobileSource.Vision.Plates;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MobileSource.Vision.Tests.Plates;

/// <summary>Plates read from the simulator's road scene frames (rendered in process, no video), voted per vehicle.</summary>
[Collection(OcrCollection.Name)]
public sealed class SimulatorSceneTests(OcrFixture ocr, ITestOutputHelper output)
{
    [Fact]
    public void Every_vehicle_of_a_day_scene_gets_its_plate_by_vote()
    {
        var scene = SceneSpec.FromSeed(3, new SceneOptions { Vehicles = 4, Lighting = SceneLighting.Day });
        using var renderer = new SceneRenderer(scene);
        var bgra = new byte[renderer.FrameBytes];
        foreach (var vehicle in scene.Vehicles)
        {
            var vote = new PlateVote();
            for (var n = vehicle.FirstFrame; n <= vehicle.LastFrame; n += 8)
            {
                // Read in the vehicle's own box (as the analyzer reads in a track's box); a frame where a vehicle behind it
                // in its lane hides its rear is skipped.
                if (scene.Vehicles.Any(v => v.Id != vehicle.Id && v.Lane == vehicle.Lane && v.FirstFrame <= n && n <= v.LastFrame
                                            && v.RearZ(n, scene.Fps) < vehicle.RearZ(n, scene.Fps))
                    || SceneSpec.ProjectedBox(vehicle, vehicle.RearZ(n, scene.Fps), scene.Camera) is not { } body)
                {
                    continue;
                }
                renderer.RenderFrameBgra(n, bgra);
                using var frame = Bgr(bgra, scene.Width, scene.Height);
                var region = new Rect((int)body.Left - 8, (int)body.Top - 8, (int)body.Width + 16, (int)body.Height + 16)
                             & new Rect(0, 0, scene.Width, scene.Height);
                if (region.Width < 16 || region.Height < 8)
                {
                    continue;
                }
                if (ocr.Reader.Read(frame, region) is { } read)
                {
                    vote.Add(read);
                    output.WriteLine($"  frame {n}: {read.Text} {read.Confidence:F2} {read.Box.Width}x{read.Box.Height}");
                }
            }
            var winner = vote.Winner();
            output.WriteLine($"{vehicle.Plate} {vehicle.PlateColour}: {winner}");
            Assert.NotNull(winner);
            Assert.Equal(vehicle.Plate.Value, winner.Text);
            Assert.Equal(vehicle.PlateColour, winner.Colour);
        }
    }

    private static Mat Bgr(byte[] bgra, int width, int height)
    {
        using var withAlpha = Mat.FromPixelData(height, width, MatType.CV_8UC4, bgra);
        var bgr = new Mat();
        Cv2.CvtColor(withAlpha, bgr, ColorConversionCodes.BGRA2BGR);
        return bgr;
    }
}

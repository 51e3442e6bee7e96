using MobileSource.HardwareSim.Camera;
using SkiaSharp;

namespace MobileSource.Vision.Tests.Simulator;

public sealed class PlumeDarknessTests
{
    /// <summary>
    /// Ringelmann from the image as the analyzer would compute it (level = 5 (1 - I/B)), with B taken from the same frame
    /// rendered without smoke: it must match the level the truth claims.
    /// </summary>
    [Fact]
    public void Plume_core_darkness_matches_the_truth_level()
    {
        var checkedLevels = new List<double>();
        foreach (var scene in SmallScenes.SingleSmokyVehicle(from: 1, count: 4))
        {
            var v = scene.Vehicles[0];
            using var renderer = new SceneRenderer(scene);
            // Frames with the core well inside the image.
            var inView = SmallScenes.FramesWithCoreInView(renderer, v);
            Assert.True(inView.Count > 10, $"seed {scene.Seed}: the plume core is in view in only {inView.Count} frames");
            // Over a dark background (the vehicle's own shadow, a wet patch) 8-bit rounding dominates: measure where B >= 60,
            // as a real analyzer must. Two such frames per vehicle.
            var measured = 0;
            foreach (var frame in inView.Where((_, i) => i % 4 == 0))
            {
                var core = renderer.PlumeCore(v, frame);
                using var clean = renderer.RenderFrame(frame, withSmoke: false);
                var b = MeanLuma(clean, core);
                if (b < 60)
                {
                    continue;
                }
                using var smoky = renderer.RenderFrame(frame, withSmoke: true);
                var i = MeanLuma(smoky, core);
                var level = 5 * (1 - i / b);
                Assert.True(Math.Abs(level - v.Ringelmann) <= 0.1,
                    $"seed {scene.Seed} frame {frame}: measured level {level:F2}, truth {v.Ringelmann} (I {i:F1}, B {b:F1} at {core})");
                checkedLevels.Add(v.Ringelmann);
                if (++measured == 2)
                {
                    break;
                }
            }
            Assert.True(measured == 2, $"seed {scene.Seed}: fewer than two frames with a bright enough background at the core");
        }
        Assert.Equal(8, checkedLevels.Count);
    }

    [Fact]
    public void Non_smoky_vehicles_leave_the_road_behind_them_undarkened()
    {
        var scene = SceneSpec.FromSeed(3, SmallScenes.Options(vehicles: 1, smokyShare: 0));
        var v = scene.Vehicles[0];
        using var renderer = new SceneRenderer(scene);
        var inView = SmallScenes.FramesWithCoreInView(renderer, v);
        Assert.NotEmpty(inView);
        var frame = inView[inView.Count / 2];
        var core = renderer.PlumeCore(v, frame);
        using var with = renderer.RenderFrame(frame, withSmoke: true);
        using var without = renderer.RenderFrame(frame, withSmoke: false);
        // Faint grey exhaust may lighten or barely darken; it must never read as black smoke (level >= 1).
        var level = 5 * (1 - MeanLuma(with, core) / MeanLuma(without, core));
        Assert.True(level < 0.5, $"{v.Kind} {(v.FaintExhaust ? "with" : "without")} faint exhaust reads as level {level:F2} at {core}, frame {frame}");
    }

    private static double MeanLuma(SKBitmap bitmap, SKPoint centre)
    {
        // SKBitmap.GetPixel does not check bounds: a point outside reads foreign memory.
        Assert.InRange(centre.X, 2, bitmap.Width - 3);
        Assert.InRange(centre.Y, 2, bitmap.Height - 3);
        double sum = 0;
        var n = 0;
        for (var dy = -2; dy <= 2; dy++)
        for (var dx = -2; dx <= 2; dx++)
        {
            var c = bitmap.GetPixel((int)centre.X + dx, (int)centre.Y + dy);
            sum += 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
            n++;
        }
        return sum / n;
    }
}

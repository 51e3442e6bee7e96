using MobileSource.HardwareSim.Camera;

namespace MobileSource.Vision.Tests.Simulator;

/// <summary>Short, small scenes so the simulator tests stay quick.</summary>
internal static class SmallScenes
{
    public static SceneOptions Options(int vehicles = 2, SceneLighting lighting = SceneLighting.Day, double smokyShare = 0.4, bool shadows = true) => new()
    {
        Vehicles = vehicles,
        Width = 640,
        Height = 360,
        Fps = 25,
        Lighting = lighting,
        Shadows = shadows && lighting == SceneLighting.Day,
        SmokyShare = smokyShare,
    };

    /// <summary>
    /// The first seeds from <paramref name="from"/> whose single vehicle is a smoky heavy one; without hard shadows, which
    /// can lie right under the plume and leave too little light to measure it in 8 bits.
    /// </summary>
    public static IEnumerable<SceneSpec> SingleSmokyVehicle(int from, int count)
    {
        var found = 0;
        for (var seed = from; found < count; seed++)
        {
            var scene = SceneSpec.FromSeed(seed, Options(vehicles: 1, smokyShare: 1, shadows: false));
            if (scene.Vehicles[0].Smoky)
            {
                found++;
                yield return scene;
            }
        }
    }

    /// <summary>Frames of <paramref name="v"/>'s life in which its plume core is well inside the image.</summary>
    public static List<int> FramesWithCoreInView(SceneRenderer renderer, VehicleSpec v) =>
        Enumerable.Range(v.FirstFrame, v.LastFrame - v.FirstFrame + 1)
            .Where(f => renderer.PlumeCore(v, f) is var p && p.X > 10 && p.X < renderer.Scene.Width - 10 && p.Y > 10 && p.Y < renderer.Scene.Height - 10)
            .ToList();
}

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// In how many frames a smoky vehicle's plume core can be seen at all: inside the frame (not in the bottom 2 %, where
/// a camera cuts it) and not hidden behind another vehicle nearer the camera. A plume that is never in view, or always
/// behind the truck that follows, cannot be captured by any camera; the evaluation reports recall both over all smoky
/// vehicles and over those whose smoke was in view long enough to judge.
/// </summary>
internal static class SmokeVisibility
{
    public static int VisibleFrames(SceneSpec scene, VehicleSpec smoky)
    {
        if (!smoky.Smoky)
        {
            return 0;
        }
        var camera = scene.Camera;
        var (windX, windZ) = SmokePainter.Wind(scene.Seed);
        var bottom = camera.Height * 0.98f;
        var count = 0;
        for (var frame = smoky.FirstFrame; frame <= smoky.LastFrame; frame++)
        {
            var core = SmokePainter.CoreWorld(smoky, frame, scene.Fps, windX, windZ);
            if (core.Z <= CameraGeometry.NearClipZ)
            {
                continue;
            }
            var point = camera.Project(core);
            if (point.X < 0 || point.X >= camera.Width || point.Y < 0 || point.Y >= bottom)
            {
                continue;
            }
            var hidden = scene.Vehicles.Any(other =>
                other.Id != smoky.Id
                && frame >= other.FirstFrame && frame <= other.LastFrame
                && other.RearZ(frame, scene.Fps) < core.Z
                && SceneSpec.ProjectedBox(other, other.RearZ(frame, scene.Fps), camera) is { } box
                && box.Contains(point));
            if (!hidden)
            {
                count++;
            }
        }
        return count;
    }
}

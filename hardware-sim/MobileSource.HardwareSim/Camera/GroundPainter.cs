using System.Numerics;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>The static road (drawn once per scene) and the moving cloud shadows on it.</summary>
internal sealed class GroundPainter
{
    private const float RoadHalfWidth = 5.3f;  // two 3.5 m lanes and a shoulder either side
    private const float FarZ = 220f;

    private readonly SceneSpec _scene;

    public GroundPainter(SceneSpec scene) => _scene = scene;

    /// <summary>Road, markings, verges and wet patches in daylight albedo, for copying under every frame.</summary>
    public SKImage RenderBackground()
    {
        var camera = _scene.Camera;
        using var surface = SKSurface.Create(new SKImageInfo(camera.Width, camera.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(96, 104, 78));
        canvas.SetMatrix(camera.GroundMatrix());
        var near = CameraGeometry.NearClipZ;
        using var grassGrain = Textures.Grain(_scene.Seed + 1, new SKColor(92, 108, 70), 22);
        using var asphaltGrain = Textures.Grain(_scene.Seed + 2, new SKColor(104, 104, 102), 14);
        using var gravelGrain = Textures.Grain(_scene.Seed + 3, new SKColor(130, 124, 112), 26);
        // One texel is 1 cm of road.
        var texelScale = SKMatrix.CreateScale(0.01f, 0.01f);
        Fill(canvas, new SKRect(-60, near, 60, FarZ), grassGrain, texelScale);
        Fill(canvas, new SKRect(-RoadHalfWidth - 0.8f, near, RoadHalfWidth + 0.8f, FarZ), gravelGrain, texelScale);
        Fill(canvas, new SKRect(-RoadHalfWidth, near, RoadHalfWidth, FarZ), asphaltGrain, texelScale);
        DrawTyreTracks(canvas, near);
        DrawMarkings(canvas, near);
        DrawWetPatches(canvas);
        DrawGuardRail(canvas);
        canvas.ResetMatrix();
        return surface.Snapshot();
    }

    /// <summary>Soft dark ellipses sweeping across the ground at frame <paramref name="frame"/>.</summary>
    public void DrawCloudShadows(SKCanvas canvas, int frame)
    {
        if (_scene.Conditions.CloudShadows.Count == 0)
        {
            return;
        }
        var t = frame / (float)_scene.Fps;
        canvas.Save();
        canvas.Concat(_scene.Camera.GroundMatrix());
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var cloud in _scene.Conditions.CloudShadows)
        {
            // Clouds drift across a 60 m wide window and wrap around, so a long scene keeps seeing them.
            var x = Wrap(cloud.X + cloud.VelocityX * t, -30, 30);
            var z = Wrap(cloud.Z + cloud.VelocityZ * t, -10, 50);
            var dark = new SKColor(0, 0, 0, (byte)(cloud.Darkness * 255));
            paint.Shader = SKShader.CreateRadialGradient(new SKPoint(0, 0), 1f,
                [dark, dark.WithAlpha((byte)(cloud.Darkness * 200)), dark.WithAlpha(0)], [0f, 0.55f, 1f], SKShaderTileMode.Clamp,
                SKMatrix.CreateScale(cloud.RadiusX, cloud.RadiusZ).PostConcat(SKMatrix.CreateTranslation(x, z)));
            canvas.DrawRect(new SKRect(x - cloud.RadiusX, Math.Max(z - cloud.RadiusZ, CameraGeometry.NearClipZ), x + cloud.RadiusX, z + cloud.RadiusZ), paint);
        }
        canvas.Restore();
    }

    private static float Wrap(float v, float min, float max)
    {
        var span = max - min;
        return min + (((v - min) % span) + span) % span;
    }

    private static void Fill(SKCanvas canvas, SKRect rect, SKImage texture, SKMatrix texelScale)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = texture.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat,
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), texelScale);
        canvas.DrawRect(rect, paint);
    }

    private static void DrawTyreTracks(SKCanvas canvas, float near)
    {
        // Darker polished bands where wheels run, in the middle of each lane.
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 18) };
        foreach (var lane in new[] { 1, 2 })
        {
            var centre = SceneSpec.LaneCentreX(lane);
            foreach (var side in new[] { -0.9f, 0.9f })
            {
                canvas.DrawRect(new SKRect(centre + side - 0.35f, near, centre + side + 0.35f, FarZ), paint);
            }
        }
    }

    private static void DrawMarkings(SKCanvas canvas, float near)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(228, 228, 220) };
        foreach (var x in new[] { -SceneSpec.LaneWidth, SceneSpec.LaneWidth })
        {
            canvas.DrawRect(new SKRect(x - 0.1f, near, x + 0.1f, FarZ), paint);
        }
        // Lane divider: 6 m dashes, 9 m gaps.
        for (var z = -4f; z < FarZ; z += 15f)
        {
            canvas.DrawRect(new SKRect(-0.075f, Math.Max(z, near), 0.075f, Math.Max(z + 6f, near)), paint);
        }
    }

    private void DrawWetPatches(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var patch in _scene.Conditions.WetPatches)
        {
            var rng = new Random(patch.Seed);
            for (var i = 0; i < 5; i++)
            {
                var cx = patch.X + (float)(rng.NextDouble() - 0.5) * patch.RadiusX;
                var cz = patch.Z + (float)(rng.NextDouble() - 0.5) * patch.RadiusZ;
                var rx = patch.RadiusX * (0.5f + (float)rng.NextDouble() * 0.5f);
                var rz = patch.RadiusZ * (0.5f + (float)rng.NextDouble() * 0.5f);
                var dark = new SKColor(10, 12, 16, (byte)(patch.Darkness * 255 * 0.7f));
                paint.Shader = SKShader.CreateRadialGradient(new SKPoint(0, 0), 1f,
                    [dark, dark, dark.WithAlpha(0)], [0f, 0.7f, 1f], SKShaderTileMode.Clamp,
                    SKMatrix.CreateScale(rx, rz).PostConcat(SKMatrix.CreateTranslation(cx, cz)));
                canvas.DrawOval(new SKRect(cx - rx, cz - rz, cx + rx, cz + rz), paint);
            }
        }
    }

    private void DrawGuardRail(SKCanvas canvas)
    {
        var camera = _scene.Camera;
        using var post = new SKPaint { IsAntialias = true, Color = new SKColor(150, 150, 150) };
        using var rail = new SKPaint { IsAntialias = true, Color = new SKColor(200, 204, 208) };
        foreach (var x in new[] { -RoadHalfWidth - 0.6f, RoadHalfWidth + 0.6f })
        {
            canvas.Save();
            canvas.SetMatrix(camera.SidePlaneMatrix(x, 0.8f));
            for (var z = 1f; z < 120f; z += 4f)
            {
                canvas.DrawRect(new SKRect(z, 0, z + 0.12f, 0.8f), post);
            }
            canvas.DrawRect(new SKRect(CameraGeometry.NearClipZ + 1f, 0.05f, 150f, 0.35f), rail);
            canvas.Restore();
        }
        canvas.SetMatrix(camera.GroundMatrix());
    }
}

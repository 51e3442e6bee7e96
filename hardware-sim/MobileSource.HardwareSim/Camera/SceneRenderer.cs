using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// Renders any frame of a <see cref="SceneSpec"/> on its own (random access, deterministic): static road, cloud and
/// vehicle shadows, vehicles far to near each followed by its exhaust, global lighting, lamp glow, sensor noise.
/// Not thread-safe: use one renderer per thread.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private const int NoiseTiles = 3;

    private readonly SKImage _background;
    private readonly SKImage[] _noise;
    private readonly GroundPainter _ground;
    private readonly VehiclePainter _vehicles;
    private readonly SmokePainter _smoke;
    private readonly SKSurface _surface;
    private readonly SKSurface _illumination;
    private readonly List<LightSpot> _lights = [];

    public SceneRenderer(SceneSpec scene)
    {
        Scene = scene;
        _ground = new GroundPainter(scene);
        _background = _ground.RenderBackground();
        _vehicles = new VehiclePainter(scene.Camera);
        _smoke = new SmokePainter(scene.Camera, scene.Fps, scene.Seed);
        _noise = scene.Conditions.NoiseSigma > 0
            ? Enumerable.Range(0, NoiseTiles).Select(i => Textures.SensorNoise(scene.Conditions.NoiseSeed + i, scene.Conditions.NoiseSigma, scene.Width, scene.Height)).ToArray()
            : [];
        Info = new SKImageInfo(scene.Width, scene.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        _surface = SKSurface.Create(Info);
        _illumination = SKSurface.Create(new SKImageInfo(
            Math.Max(1, scene.Width / IlluminationScale), Math.Max(1, scene.Height / IlluminationScale), SKColorType.Bgra8888, SKAlphaType.Premul));
    }

    // Cloud shadows are very soft: drawn at 1/4 resolution and scaled up (nearest: linear filtering costs 10x and shows no difference under the noise).
    private const int IlluminationScale = 4;

    public SceneSpec Scene { get; }
    public SceneTruth Truth => Scene.Truth;
    public SKImageInfo Info { get; }

    /// <summary>Bytes per frame of <see cref="RenderFrameBgra(int, Span{byte}, bool)"/>.</summary>
    public int FrameBytes => Info.BytesSize;

    /// <summary>Renders frame <paramref name="frameIndex"/> into a new bitmap (BGRA, premultiplied, opaque).</summary>
    public SKBitmap RenderFrame(int frameIndex, bool withSmoke = true)
    {
        Draw(frameIndex, withSmoke);
        var bitmap = new SKBitmap(Info);
        _surface.ReadPixels(Info, bitmap.GetPixels(), Info.RowBytes, 0, 0);
        return bitmap;
    }

    /// <summary>Renders frame <paramref name="frameIndex"/> as packed BGRA rows (width * 4 bytes each) into <paramref name="destination"/>.</summary>
    public void RenderFrameBgra(int frameIndex, Span<byte> destination, bool withSmoke = true)
    {
        if (destination.Length < FrameBytes)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, a frame needs {FrameBytes}", nameof(destination));
        }
        Draw(frameIndex, withSmoke);
        using var pixmap = _surface.PeekPixels();
        pixmap.GetPixelSpan()[..FrameBytes].CopyTo(destination);
    }

    /// <summary>Where the plume core of <paramref name="vehicle"/> is in the image at <paramref name="frameIndex"/>.</summary>
    public SKPoint PlumeCore(VehicleSpec vehicle, int frameIndex) => _smoke.CoreImage(vehicle, frameIndex);

    private void Draw(int frame, bool withSmoke)
    {
        if (frame < 0 || frame >= Scene.FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"frame must be 0..{Scene.FrameCount - 1}");
        }
        var canvas = _surface.Canvas;
        canvas.ResetMatrix();
        canvas.DrawImage(_background, 0, 0, SKSamplingOptions.Default);
        var inView = VehiclesInView(frame);
        if (Scene.Conditions.Shadows)
        {
            foreach (var v in inView)
            {
                DrawShadow(canvas, v, v.RearZ(frame, Scene.Fps));
            }
        }
        _lights.Clear();
        // Far to near, each vehicle followed by its own exhaust, which trails toward the camera.
        foreach (var v in inView.OrderByDescending(v => v.RearZ(frame, Scene.Fps)))
        {
            canvas.ResetMatrix();
            _vehicles.Draw(canvas, v, v.RearZ(frame, Scene.Fps), _lights);
            if (withSmoke)
            {
                _smoke.Draw(canvas, v, frame);
            }
        }
        canvas.ResetMatrix();
        ApplyLighting(canvas, frame);
        canvas.Flush();
    }

    private List<VehicleSpec> VehiclesInView(int frame)
    {
        var list = new List<VehicleSpec>();
        // Plumes outlive the body by a second or two.
        var tail = (int)(Scene.Fps * 2.5);
        foreach (var v in Scene.Vehicles)
        {
            if (frame >= v.EntryFrame && frame <= v.LastFrame + tail)
            {
                list.Add(v);
            }
            else if (frame > v.LastFrame + tail)
            {
                _vehicles.Forget(v.Id);
            }
        }
        return list;
    }

    private void DrawShadow(SKCanvas canvas, VehicleSpec v, float rearZ)
    {
        // Hard-edged: the convex hull of the footprint and the roof outline projected along the sun direction.
        var c = Scene.Conditions;
        var left = v.CentreX - v.Width / 2;
        var right = v.CentreX + v.Width / 2;
        var front = rearZ + v.Length;
        var dx = c.ShadowDx * v.Height;
        var dz = c.ShadowDz * v.Height;
        var points = new[]
        {
            new SKPoint(left, rearZ), new SKPoint(right, rearZ), new SKPoint(right, front), new SKPoint(left, front),
            new SKPoint(left + dx, rearZ + dz), new SKPoint(right + dx, rearZ + dz), new SKPoint(right + dx, front + dz), new SKPoint(left + dx, front + dz),
        };
        // Whatever lies nearer than the clip plane is below the frame: clamping keeps the homography valid.
        var hull = ConvexHull(points.Select(p => new SKPoint(p.X, Math.Max(p.Y, CameraGeometry.NearClipZ))).ToArray());
        using var builder = new SKPathBuilder();
        builder.MoveTo(hull[0]);
        foreach (var p in hull.Skip(1))
        {
            builder.LineTo(p);
        }
        builder.Close();
        using var clipped = builder.Detach();
        canvas.Save();
        canvas.SetMatrix(Scene.Camera.GroundMatrix());
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 8, 120) };
        canvas.DrawPath(clipped, paint);
        canvas.Restore();
    }

    // Every darkening below is SrcOver of black with alpha a, i.e. a multiply by (1 - a): it keeps the smoke's I/B ratio
    // and, unlike Multiply/Overlay blending, takes Skia's fast path (about 1 ms per 720p pass instead of 20+).
    private void ApplyLighting(SKCanvas canvas, int frame)
    {
        var c = Scene.Conditions;
        var t = frame / (float)Scene.Fps;
        var ramp = 1f - c.RampAmplitude * (0.5f + 0.5f * MathF.Sin(2 * MathF.PI * t / c.RampPeriodSeconds + c.RampPhase));
        var g = c.BaseBrightness * ramp;
        if (c.CloudShadows.Count > 0)
        {
            var illumination = _illumination.Canvas;
            illumination.ResetMatrix();
            illumination.Clear(SKColors.Transparent);
            illumination.SetMatrix(SKMatrix.CreateScale(1f / IlluminationScale, 1f / IlluminationScale));
            _ground.DrawCloudShadows(illumination, frame);
            illumination.ResetMatrix();
            illumination.Flush();
            using var map = _illumination.Snapshot();
            canvas.DrawImage(map, Info.Rect, SKSamplingOptions.Default);
        }
        if (g < 0.999f)
        {
            // Dusk gets a faint blue cast from a slightly blue veil.
            var veil = c.Lighting == SceneLighting.Dusk ? new SKColor(4, 6, 18) : SKColors.Black;
            using var dim = new SKPaint { Color = veil.WithAlpha(ToByte(1 - g)) };
            canvas.DrawRect(Info.Rect, dim);
        }
        if (_noise.Length > 0)
        {
            // Cycle the precomputed noise frames with a per-frame offset so the pattern never repeats in place.
            var noise = _noise[frame % _noise.Length];
            canvas.DrawImage(noise, -((frame * 7) % Textures.NoiseMargin), -((frame * 3) % Textures.NoiseMargin), SKSamplingOptions.Default);
        }
        if (c.Lighting == SceneLighting.Dusk)
        {
            using var glow = new SKPaint { IsAntialias = true, BlendMode = SKBlendMode.Plus };
            foreach (var light in _lights)
            {
                var r = Math.Max(light.RadiusPx, 3f);
                glow.Shader = SKShader.CreateRadialGradient(light.Centre, r,
                    [new SKColor(255, 120, 100), new SKColor(200, 20, 10, 160), new SKColor(120, 0, 0, 0)], [0f, 0.25f, 1f], SKShaderTileMode.Clamp);
                canvas.DrawCircle(light.Centre, r, glow);
            }
        }
    }

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v * 255), 0, 255);

    private static SKPoint[] ConvexHull(SKPoint[] points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var hull = new List<SKPoint>();
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            foreach (var p in sorted)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }
                hull.Add(p);
            }
            hull.RemoveAt(hull.Count - 1);
            Array.Reverse(sorted);
        }
        return hull.ToArray();
    }

    private static float Cross(SKPoint o, SKPoint a, SKPoint b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);

    public void Dispose()
    {
        _surface.Dispose();
        _illumination.Dispose();
        _background.Dispose();
        foreach (var n in _noise)
        {
            n.Dispose();
        }
        _vehicles.Dispose();
        _smoke.Dispose();
    }
}

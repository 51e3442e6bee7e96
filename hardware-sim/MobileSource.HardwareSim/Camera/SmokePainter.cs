using System.Numerics;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// Exhaust plumes as particles computed from the frame index alone (no state, so any frame renders on its own).
/// Puffs leave the exhaust, stay where they were emitted while the vehicle drives on (so the plume trails toward the
/// camera, below the vehicle in the image), rise, drift with the wind, swell and thin out.
/// Black smoke: puffs combine in a layer like transmissions multiply (density = 1 - product of (1 - a)), young puffs are
/// fully dense at their centre, and the layer darkens what is behind it by 0.2 * Ringelmann * density, so the core has
/// exactly I = B * (1 - 0.2 L). Everything is SrcOver, Skia's fast path.
/// </summary>
internal sealed class SmokePainter : IDisposable
{
    private const float PuffsPerFrame = 3f;
    private const float MaxAgeSeconds = 1.8f;

    private readonly CameraGeometry _camera;
    private readonly int _fps;
    private readonly float _windX;
    private readonly float _windZ;
    private readonly int _seed;
    private readonly List<(SKPoint Centre, float RadiusPx, byte Alpha)> _puffs = [];
    private const float DenseAgeSeconds = 0.7f;
    private const int LayerScale = 3;
    private readonly SKSurface _layer;
    private readonly int _layerWidth;
    private readonly int _layerHeight;

    public SmokePainter(CameraGeometry camera, int fps, int seed)
    {
        _camera = camera;
        _fps = fps;
        _seed = seed;
        (_windX, _windZ) = Wind(seed);
        _layerWidth = (camera.Width + LayerScale - 1) / LayerScale;
        _layerHeight = (camera.Height + LayerScale - 1) / LayerScale;
        _layer = SKSurface.Create(new SKImageInfo(_layerWidth, _layerHeight, SKColorType.Bgra8888, SKAlphaType.Premul));
    }

    public void Dispose() => _layer.Dispose();

    /// <summary>
    /// The plume core at <paramref name="frame"/>: where puffs are on average (no jitter) once they are clear of the
    /// vehicle in the image (seen from the gantry, smoke less than ~10% of the distance behind the rear still overlaps
    /// the vehicle's underside) yet young enough to be fully dense.
    /// </summary>
    public Vector3 CoreWorld(VehicleSpec v, int frame) => CoreWorld(v, frame, _fps, _windX, _windZ);

    /// <summary>The scene's wind (m/s across and along the road), fixed by its seed.</summary>
    public static (float X, float Z) Wind(int seed)
    {
        var rng = new Random(seed ^ 0x5eed);
        var x = (float)(rng.NextDouble() * 1.6 - 0.8);
        var z = (float)(rng.NextDouble() * 0.6 - 0.3);
        return (x, z);
    }

    public static Vector3 CoreWorld(VehicleSpec v, int frame, int fps, float windX, float windZ)
    {
        var rearZ = v.RearZ(frame, fps);
        var behind = 0.1f * rearZ + 0.5f;
        var age = Math.Min(behind / v.SpeedMps, MaxCoreAgeSeconds);
        return new Vector3(
            v.ExhaustX + windX * age,
            VehicleSpec.ExhaustHeight + 0.35f * age + 0.4f * age * age,
            rearZ - v.SpeedMps * age - 0.1f + windZ * age);
    }

    /// <summary>Puffs up to this age are fully dense at their centre (weight * e^(-age/tau) >= 1).</summary>
    private const float MaxCoreAgeSeconds = 0.6f;

    public SKPoint CoreImage(VehicleSpec v, int frame) => _camera.Project(CoreWorld(v, frame));

    public void Draw(SKCanvas canvas, VehicleSpec v, int frame)
    {
        if (v.Smoky)
        {
            DrawPlume(canvas, v, frame, SKColors.Black, (float)(0.2 * v.Ringelmann), maxAge: MaxAgeSeconds, weight: 2.2f, growth: 0.75f);
        }
        else if (v.FaintExhaust)
        {
            DrawPlume(canvas, v, frame, new SKColor(215, 215, 212), 0.16f, maxAge: 0.8f, weight: 0.6f, growth: 0.5f);
        }
    }

    private void DrawPlume(SKCanvas canvas, VehicleSpec v, int frame, SKColor colour, float opacity, float maxAge, float weight, float growth)
    {
        var newest = (int)MathF.Floor(frame * PuffsPerFrame);
        var oldest = (int)MathF.Ceiling((frame - maxAge * _fps) * PuffsPerFrame);
        _puffs.Clear();
        var bounds = SKRect.Empty;
        for (var k = newest; k >= oldest; k--)
        {
            var emitted = k / PuffsPerFrame;
            var age = (frame - emitted) / _fps;
            // Old puffs are big and faint: every third one, three times as dense, looks the same and costs a third.
            var thinned = age > DenseAgeSeconds;
            if (thinned && k % 3 != 0)
            {
                continue;
            }
            var rearZ = v.RearZ(0, _fps) + v.SpeedMps * emitted / _fps;
            var h = Hash(v.Id, k);
            var jx = Unit(h) - 0.5f;
            var jy = Unit(h >> 16) - 0.5f;
            var jz = Unit(h >> 32) - 0.5f;
            var swirl = MathF.Sin(age * 4f + Unit(h >> 48) * 6.28f) * 0.12f * age;
            var pos = new Vector3(
                v.ExhaustX + (_windX + jx * 0.8f) * age + swirl,
                VehicleSpec.ExhaustHeight + (0.35f + jy * 0.3f) * age + 0.4f * age * age,
                rearZ - 0.1f + (_windZ + jz * 0.5f) * age);
            if (pos.Z < CameraGeometry.NearClipZ || _camera.Depth(pos) < 1f)
            {
                continue;
            }
            var radiusM = 0.2f + growth * age + 0.05f * jx;
            var centre = _camera.Project(pos);
            var radiusPx = radiusM * _camera.PixelsPerMetre(pos);
            var rect = new SKRect(centre.X - radiusPx, centre.Y - radiusPx, centre.X + radiusPx, centre.Y + radiusPx);
            if (!rect.IntersectsWith(new SKRect(0, 0, _camera.Width, _camera.Height)))
            {
                continue;
            }
            // Young black puffs are saturated (weight > 1): the plume core is fully dense; old ones thin out.
            var alpha = weight * MathF.Exp(-age / (maxAge * 0.45f)) * (thinned ? 2.2f : 1f);
            _puffs.Add((centre, radiusPx, (byte)Math.Clamp(alpha * 255, 0, 255)));
            bounds = bounds.IsEmpty ? rect : SKRect.Union(bounds, rect);
        }
        if (_puffs.Count == 0)
        {
            return;
        }
        // Puffs are soft: draw them at 1/LayerScale resolution, then scale the plume up onto the frame (a fraction of
        // the fill cost; the fully dense core stays exactly dense because it is many pixels wide).
        var layer = _layer.Canvas;
        layer.ResetMatrix();
        layer.Clear(SKColors.Transparent);
        layer.SetMatrix(SKMatrix.CreateScale(1f / LayerScale, 1f / LayerScale));
        using (var puff = new SKPaint { IsAntialias = true })
        {
            foreach (var (centre, radiusPx, a) in _puffs)
            {
                using var shader = SKShader.CreateRadialGradient(centre, radiusPx,
                    [colour.WithAlpha(a), colour.WithAlpha(a), colour.WithAlpha((byte)(a * 0.35f)), colour.WithAlpha(0)],
                    [0f, 0.55f, 0.8f, 1f], SKShaderTileMode.Clamp);
                puff.Shader = shader;
                layer.DrawCircle(centre, radiusPx, puff);
            }
        }
        layer.Flush();
        var small = SKRectI.Ceiling(new SKRect(bounds.Left / LayerScale, bounds.Top / LayerScale, bounds.Right / LayerScale, bounds.Bottom / LayerScale));
        small.Intersect(new SKRectI(0, 0, _layerWidth, _layerHeight));
        if (small.Width <= 0 || small.Height <= 0)
        {
            return;
        }
        using var plume = _layer.Snapshot(small)
            ?? throw new InvalidOperationException($"smoke layer snapshot of {small} failed");
        using var layerPaint = new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255)) };
        canvas.ResetMatrix();
        var dest = new SKRect(small.Left * LayerScale, small.Top * LayerScale, small.Right * LayerScale, small.Bottom * LayerScale);
        canvas.DrawImage(plume, dest, new SKSamplingOptions(SKFilterMode.Linear), layerPaint);
    }

    private ulong Hash(int id, int k)
    {
        // SplitMix64 over (seed, vehicle, puff): stable across runs and platforms, unlike HashCode.
        var x = (ulong)(uint)_seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)id * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)k * 0x94D049BB133111EBUL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static float Unit(ulong bits) => (bits & 0xFFFF) / 65535f;
}

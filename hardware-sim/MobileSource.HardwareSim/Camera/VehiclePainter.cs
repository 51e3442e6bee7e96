using System.Numerics;
using MobileSource.HardwareSim.Rendering;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// Draws a vehicle seen from behind and above as textured boxes in true perspective: far faces first (hood, side, roof),
/// the rear face last with its doors/windows, lights, wheels and plate. Rear-face coordinates are metres from the rear's
/// top-left corner, y downward.
/// </summary>
internal sealed class VehiclePainter : IDisposable
{
    private static readonly SKColor TailLight = new(190, 20, 22);
    private static readonly SKColor Glass = new(28, 34, 42);
    private static readonly SKColor Tyre = new(22, 22, 22);
    private static readonly SKColor Chassis = new(35, 35, 36);

    private readonly CameraGeometry _camera;
    private readonly Dictionary<int, SKImage> _plates = [];
    private readonly SKPaint _fill = new() { IsAntialias = true };
    private readonly SKPaint _line = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private readonly SKSamplingOptions _plateSampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public VehiclePainter(CameraGeometry camera) => _camera = camera;

    /// <summary>Draws <paramref name="v"/> with its rear at <paramref name="rearZ"/>; adds its tail lights to <paramref name="lights"/>.</summary>
    public void Draw(SKCanvas canvas, VehicleSpec v, float rearZ, List<LightSpot> lights)
    {
        var left = v.CentreX - v.Width / 2;
        var right = v.CentreX + v.Width / 2;
        var nearZ = Math.Max(rearZ, CameraGeometry.NearClipZ);
        var frontZ = rearZ + v.Length;
        var clearance = v.IsHeavy ? 0.95f : 0.3f;
        var roofColour = Shade(v.BodyColour, 1.12f);
        var sideColour = Shade(v.BodyColour, 0.72f);
        canvas.Save();
        if (v.Kind == VehicleKind.Car)
        {
            DrawCarUpperBody(canvas, v, left, right, rearZ, nearZ, frontZ, roofColour, sideColour);
        }
        else
        {
            DrawSide(canvas, v, left, right, nearZ, frontZ, clearance, v.Height, sideColour);
            DrawPlane(canvas, _camera.GroundMatrix(v.Height), new SKRect(left, nearZ, right, frontZ), RoofColour(v, roofColour));
            if (v.Kind == VehicleKind.DumpTruck)
            {
                // Open body: the load (sand/gravel) inside the walls.
                DrawPlane(canvas, _camera.GroundMatrix(v.Height - 0.25f),
                    new SKRect(left + 0.12f, Math.Max(rearZ + 0.12f, nearZ), right - 0.12f, rearZ + 5.5f), new SKColor(140, 118, 90));
            }
        }
        if (rearZ >= CameraGeometry.NearClipZ)
        {
            DrawRear(canvas, v, rearZ, lights);
        }
        canvas.Restore();
    }

    private void DrawCarUpperBody(SKCanvas canvas, VehicleSpec v, float left, float right, float rearZ, float nearZ, float frontZ,
        SKColor roofColour, SKColor sideColour)
    {
        var trunkTop = CarTrunkHeight(v);
        // Hood, then the side, then the cabin roof and the sloping rear window.
        DrawPlane(canvas, _camera.GroundMatrix(trunkTop + 0.05f), new SKRect(left + 0.05f, Math.Max(frontZ - 1.1f, nearZ), right - 0.05f, frontZ), roofColour);
        DrawSide(canvas, v, left, right, nearZ, frontZ, 0.3f, trunkTop, sideColour);
        var cabinRear = rearZ + 0.85f;
        var cabinFront = frontZ - 1.6f;
        if (cabinFront > nearZ)
        {
            var x = left + 0.12f;
            var w = v.Width - 0.24f;
            DrawPlane(canvas, _camera.GroundMatrix(v.Height), new SKRect(x, Math.Max(cabinRear + 0.55f, nearZ), x + w, cabinFront), roofColour);
            if (rearZ + 0.3f >= CameraGeometry.NearClipZ)
            {
                var window = _camera.PlaneMatrix(new Vector3(x, trunkTop, rearZ + 0.3f), Vector3.UnitX,
                    new Vector3(0, v.Height - trunkTop, cabinRear + 0.55f - (rearZ + 0.3f)));
                DrawPlane(canvas, window, new SKRect(0, 0, w, 1), Glass);
            }
        }
        // The trunk lid between the rear face and the window.
        DrawPlane(canvas, _camera.GroundMatrix(trunkTop), new SKRect(left + 0.03f, nearZ, right - 0.03f, Math.Max(rearZ + 0.3f, nearZ)), roofColour);
    }

    private static float CarTrunkHeight(VehicleSpec v) => v.Height * 0.62f;

    private void DrawSide(SKCanvas canvas, VehicleSpec v, float left, float right, float nearZ, float frontZ, float bottom, float top, SKColor colour)
    {
        // Only the side facing the camera (which hangs over X = 0) is visible.
        float? x = right < 0 ? right : left > 0 ? left : null;
        if (x is null)
        {
            return;
        }
        canvas.SetMatrix(_camera.SidePlaneMatrix(x.Value, top));
        _fill.Color = colour;
        canvas.DrawRect(new SKRect(nearZ, 0, frontZ, top - bottom), _fill);
        if (v.Kind == VehicleKind.Bus)
        {
            _fill.Color = Glass;
            canvas.DrawRect(new SKRect(nearZ, 0.35f, frontZ - 0.3f, 1.4f), _fill);
        }
        // Wheels under the side.
        _fill.Color = Tyre;
        canvas.SetMatrix(_camera.SidePlaneMatrix(x.Value, bottom + 0.2f));
        foreach (var axle in v.IsHeavy ? new[] { 1.2f, 2.6f, v.Length - 1.5f } : [0.8f, v.Length - 1.2f])
        {
            var z = frontZ - v.Length + axle;
            if (z - 0.5f > nearZ)
            {
                canvas.DrawRect(new SKRect(z - 0.5f, 0, z + 0.5f, bottom + 0.2f), _fill);
            }
        }
    }

    private static SKColor RoofColour(VehicleSpec v, SKColor roof) => v.Kind switch
    {
        VehicleKind.Tanker => new SKColor(200, 202, 206),
        VehicleKind.DumpTruck => Shade(v.BodyColour, 0.9f),
        _ => roof,
    };

    private void DrawRear(SKCanvas canvas, VehicleSpec v, float rearZ, List<LightSpot> lights)
    {
        var left = v.CentreX - v.Width / 2;
        var matrix = _camera.RearPlaneMatrix(rearZ, left, v.Height);
        canvas.SetMatrix(matrix);
        var w = v.Width;
        var h = v.Height;
        var lightY = v.Kind switch
        {
            VehicleKind.Car => h - CarTrunkHeight(v) + 0.12f,
            VehicleKind.Van => h - 0.95f,
            VehicleKind.Bus => h - 1.0f,
            _ => h - 0.62f,
        };
        switch (v.Kind)
        {
            case VehicleKind.Truck: DrawBoxRear(canvas, v, w, h); break;
            case VehicleKind.Tanker: DrawTankerRear(canvas, v, w, h); break;
            case VehicleKind.DumpTruck: DrawDumpRear(canvas, v, w, h); break;
            case VehicleKind.Bus: DrawBusRear(canvas, v, w, h); break;
            case VehicleKind.Van: DrawVanRear(canvas, v, w, h); break;
            default: DrawCarRear(canvas, v, w, h); break;
        }
        // Tail lights at both outer corners.
        var lightW = v.IsHeavy ? 0.3f : 0.34f;
        var lightH = v.IsHeavy ? 0.14f : 0.16f;
        _fill.Color = TailLight;
        foreach (var x in new[] { 0.08f, w - 0.08f - lightW })
        {
            var rect = new SKRect(x, lightY, x + lightW, lightY + lightH);
            canvas.DrawRoundRect(rect, 0.03f, 0.03f, _fill);
            var centre = matrix.MapPoint(new SKPoint(rect.MidX, rect.MidY));
            lights.Add(new LightSpot(centre, _camera.PixelsPerMetre(new Vector3(left + rect.MidX, h - rect.MidY, rearZ)) * 0.35f));
        }
        DrawPlate(canvas, v, w, h);
    }

    private void DrawPlate(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        if (!_plates.TryGetValue(v.Id, out var image))
        {
            using var bitmap = PlateRenderer.Render(v.Plate, v.PlateColour, 140);
            image = SKImage.FromBitmap(bitmap);
            _plates[v.Id] = image;
        }
        var plateW = image.Width / 1000f; // 1 px per mm
        var plateH = 0.14f;
        var centreY = v.Kind switch
        {
            VehicleKind.Car => h - 0.5f,
            VehicleKind.Van => h - 0.55f,
            VehicleKind.Bus => h - 0.55f,
            _ => h - 0.78f,
        };
        var x = w / 2 - plateW / 2;
        var rect = new SKRect(x, centreY - plateH / 2, x + plateW, centreY + plateH / 2);
        _fill.Color = new SKColor(20, 20, 20);
        var frame = rect;
        frame.Inflate(0.015f, 0.015f);
        canvas.DrawRect(frame, _fill);
        canvas.DrawImage(image, rect, _plateSampling);
    }

    /// <summary>Heavy trucks: chassis and wheels below a raised body floor, underrun guard, reflective tape.</summary>
    private void DrawUndercarriage(SKCanvas canvas, float w, float h, float floorHeight)
    {
        var floorY = h - floorHeight;
        _fill.Color = Chassis;
        canvas.DrawRect(new SKRect(0.25f, floorY, w - 0.25f, h - 0.35f), _fill);
        _fill.Color = Tyre;
        canvas.DrawRect(new SKRect(0.05f, floorY + 0.05f, 0.75f, h), _fill);
        canvas.DrawRect(new SKRect(w - 0.75f, floorY + 0.05f, w - 0.05f, h), _fill);
        // Underrun guard with red/white reflective stripes.
        _fill.Color = new SKColor(60, 60, 62);
        canvas.DrawRect(new SKRect(0.1f, h - 0.62f, w - 0.1f, h - 0.45f), _fill);
        DrawReflectiveTape(canvas, 0.1f, w - 0.1f, floorY - 0.1f);
    }

    private void DrawReflectiveTape(SKCanvas canvas, float x0, float x1, float y)
    {
        for (var x = x0; x < x1 - 0.01f; x += 0.2f)
        {
            _fill.Color = ((int)((x - x0) / 0.2f + 0.5f)) % 2 == 0 ? new SKColor(200, 30, 30) : new SKColor(235, 235, 235);
            canvas.DrawRect(new SKRect(x, y, Math.Min(x + 0.2f, x1), y + 0.06f), _fill);
        }
    }

    private void DrawBoxRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        DrawUndercarriage(canvas, w, h, 1.25f);
        _fill.Color = v.BodyColour;
        canvas.DrawRect(new SKRect(0, 0, w, h - 1.25f), _fill);
        _line.Color = Shade(v.BodyColour, 0.55f);
        _line.StrokeWidth = 0.03f;
        canvas.DrawRect(new SKRect(0.06f, 0.06f, w - 0.06f, h - 1.31f), _line);
        canvas.DrawLine(w / 2, 0.06f, w / 2, h - 1.31f, _line);
        // Lock bars and hinges.
        _line.Color = new SKColor(170, 170, 170);
        _line.StrokeWidth = 0.035f;
        foreach (var x in new[] { w * 0.22f, w * 0.42f, w * 0.58f, w * 0.78f })
        {
            canvas.DrawLine(x, 0.12f, x, h - 1.37f, _line);
        }
    }

    private void DrawTankerRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        DrawUndercarriage(canvas, w, h, 1.2f);
        var tank = new SKRect(0.05f, 0.05f, w - 0.05f, h - 1.15f);
        _fill.Shader = SKShader.CreateRadialGradient(new SKPoint(tank.MidX - 0.3f, tank.MidY - 0.4f), tank.Width * 0.7f,
            [new SKColor(235, 236, 238), new SKColor(160, 162, 166)], null, SKShaderTileMode.Clamp);
        canvas.DrawOval(tank, _fill);
        _fill.Shader = null;
        _line.Color = new SKColor(110, 110, 112);
        _line.StrokeWidth = 0.04f;
        canvas.DrawOval(tank, _line);
        // Ladder.
        canvas.DrawLine(w * 0.62f, 0.3f, w * 0.62f, h - 1.2f, _line);
        canvas.DrawLine(w * 0.72f, 0.3f, w * 0.72f, h - 1.2f, _line);
        for (var y = 0.4f; y < h - 1.2f; y += 0.3f)
        {
            canvas.DrawLine(w * 0.62f, y, w * 0.72f, y, _line);
        }
    }

    private void DrawDumpRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        DrawUndercarriage(canvas, w, h, 1.3f);
        _fill.Color = v.BodyColour;
        canvas.DrawRect(new SKRect(0, 0, w, h - 1.3f), _fill);
        _line.Color = Shade(v.BodyColour, 0.6f);
        _line.StrokeWidth = 0.06f;
        for (var x = 0.35f; x < w; x += 0.45f)
        {
            canvas.DrawLine(x, 0.05f, x, h - 1.35f, _line);
        }
        // Mud splashed on the lower tailgate.
        _fill.Color = new SKColor(90, 75, 60, 140);
        canvas.DrawRect(new SKRect(0, h - 1.6f, w, h - 1.3f), _fill);
    }

    private void DrawBusRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        _fill.Color = Tyre;
        canvas.DrawRect(new SKRect(0.1f, h - 0.35f, 0.6f, h), _fill);
        canvas.DrawRect(new SKRect(w - 0.6f, h - 0.35f, w - 0.1f, h), _fill);
        _fill.Color = v.BodyColour;
        canvas.DrawRoundRect(new SKRect(0, 0, w, h - 0.3f), 0.15f, 0.15f, _fill);
        _fill.Color = Glass;
        canvas.DrawRoundRect(new SKRect(0.15f, 0.35f, w - 0.15f, 1.35f), 0.08f, 0.08f, _fill);
        // Route display and engine louvres.
        _fill.Color = new SKColor(230, 140, 20);
        canvas.DrawRect(new SKRect(w * 0.3f, 0.12f, w * 0.7f, 0.3f), _fill);
        _line.Color = Shade(v.BodyColour, 0.5f);
        _line.StrokeWidth = 0.03f;
        for (var y = 1.6f; y < h - 1.1f; y += 0.1f)
        {
            canvas.DrawLine(w * 0.2f, y, w * 0.8f, y, _line);
        }
        _fill.Color = Chassis;
        canvas.DrawRect(new SKRect(0.05f, h - 0.5f, w - 0.05f, h - 0.3f), _fill);
    }

    private void DrawVanRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        _fill.Color = Tyre;
        canvas.DrawRect(new SKRect(0.1f, h - 0.3f, 0.4f, h), _fill);
        canvas.DrawRect(new SKRect(w - 0.4f, h - 0.3f, w - 0.1f, h), _fill);
        _fill.Color = v.BodyColour;
        canvas.DrawRoundRect(new SKRect(0, 0, w, h - 0.25f), 0.12f, 0.12f, _fill);
        _fill.Color = Glass;
        canvas.DrawRect(new SKRect(0.2f, 0.2f, w / 2 - 0.05f, 0.75f), _fill);
        canvas.DrawRect(new SKRect(w / 2 + 0.05f, 0.2f, w - 0.2f, 0.75f), _fill);
        _line.Color = Shade(v.BodyColour, 0.5f);
        _line.StrokeWidth = 0.02f;
        canvas.DrawLine(w / 2, 0.05f, w / 2, h - 0.45f, _line);
        _fill.Color = Chassis;
        canvas.DrawRect(new SKRect(0, h - 0.45f, w, h - 0.25f), _fill);
    }

    private void DrawCarRear(SKCanvas canvas, VehicleSpec v, float w, float h)
    {
        var top = h - CarTrunkHeight(v);
        _fill.Color = Tyre;
        canvas.DrawRect(new SKRect(0.15f, h - 0.3f, 0.45f, h), _fill);
        canvas.DrawRect(new SKRect(w - 0.45f, h - 0.3f, w - 0.15f, h), _fill);
        _fill.Color = v.BodyColour;
        canvas.DrawRoundRect(new SKRect(0, top, w, h - 0.22f), 0.1f, 0.1f, _fill);
        _fill.Color = Chassis;
        canvas.DrawRoundRect(new SKRect(0.05f, h - 0.4f, w - 0.05f, h - 0.22f), 0.06f, 0.06f, _fill);
    }

    private static void DrawPlane(SKCanvas canvas, SKMatrix matrix, SKRect rect, SKColor colour)
    {
        if (rect.Height <= 0 || rect.Width <= 0)
        {
            return;
        }
        using var paint = new SKPaint { IsAntialias = true, Color = colour };
        canvas.SetMatrix(matrix);
        canvas.DrawRect(rect, paint);
    }

    internal static SKColor Shade(SKColor c, float factor) => new(
        (byte)Math.Clamp(c.Red * factor, 0, 255), (byte)Math.Clamp(c.Green * factor, 0, 255), (byte)Math.Clamp(c.Blue * factor, 0, 255), c.Alpha);

    /// <summary>Drops the cached plate of a vehicle that has left the view.</summary>
    public void Forget(int vehicleId)
    {
        if (_plates.Remove(vehicleId, out var image))
        {
            image.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var image in _plates.Values)
        {
            image.Dispose();
        }
        _fill.Dispose();
        _line.Dispose();
    }
}

/// <summary>A lamp in image coordinates, glowing at dusk.</summary>
internal readonly record struct LightSpot(SKPoint Centre, float RadiusPx);

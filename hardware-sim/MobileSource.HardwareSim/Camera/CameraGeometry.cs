using System.Numerics;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// A pinhole camera on a gantry above the lane line, pitched down the road. World: X right, Y up, Z along the road away
/// from the camera (metres, camera foot at the origin). Planes in the world map to the image by a homography, so
/// anything drawn in plane coordinates (road markings, a vehicle's rear, its plate) gets true perspective.
/// </summary>
public sealed class CameraGeometry
{
    /// <summary>Nothing nearer than this (along the road) is drawn: it is below the frame and too close to project.</summary>
    public const float NearClipZ = 0.5f;

    private readonly Vector3 _forward;
    private readonly Vector3 _down;

    public CameraGeometry(int width, int height, float heightM = 7f, float pitchDegrees = 17f, float? focalPx = null)
    {
        Width = width;
        Height = height;
        HeightM = heightM;
        // 2400 px at 1280 wide (a 30° lens) pitched 17° down from 7 m: the road from ~15 m to ~47 m, as a smoke camera
        // is aimed so the plume behind a vehicle stays in view for seconds; a 4 m truck fits whole from ~15 m to ~20 m,
        // its rear plate ~67 px wide at 1280 when nearest, and two lanes fit side by side at the bottom edge.
        FocalPx = focalPx ?? 2400f * width / 1280f;
        var pitch = pitchDegrees * MathF.PI / 180f;
        _forward = new Vector3(0, -MathF.Sin(pitch), MathF.Cos(pitch));
        _down = new Vector3(0, -MathF.Cos(pitch), -MathF.Sin(pitch));
    }

    public int Width { get; }
    public int Height { get; }
    public float HeightM { get; }
    public float FocalPx { get; }

    private float Cx => Width / 2f;
    private float Cy => Height / 2f;

    /// <summary>Depth along the optical axis (m); positive in front of the camera.</summary>
    public float Depth(Vector3 world) => Vector3.Dot(world - new Vector3(0, HeightM, 0), _forward);

    public SKPoint Project(Vector3 world)
    {
        var p = world - new Vector3(0, HeightM, 0);
        var depth = Vector3.Dot(p, _forward);
        return new SKPoint(Cx + FocalPx * p.X / depth, Cy + FocalPx * Vector3.Dot(p, _down) / depth);
    }

    /// <summary>Pixels per metre for something lying across the view at <paramref name="world"/>.</summary>
    public float PixelsPerMetre(Vector3 world) => FocalPx / Depth(world);

    /// <summary>
    /// The homography for the plane through <paramref name="origin"/> spanned by <paramref name="axisA"/> (local x) and
    /// <paramref name="axisB"/> (local y): draw in local metres after concatenating this matrix.
    /// </summary>
    public SKMatrix PlaneMatrix(Vector3 origin, Vector3 axisA, Vector3 axisB)
    {
        var o = Camera(origin - new Vector3(0, HeightM, 0));
        var a = Camera(axisA);
        var b = Camera(axisB);
        var m = new SKMatrix(
            FocalPx * a.X + Cx * a.Z, FocalPx * b.X + Cx * b.Z, FocalPx * o.X + Cx * o.Z,
            FocalPx * a.Y + Cy * a.Z, FocalPx * b.Y + Cy * b.Z, FocalPx * o.Y + Cy * o.Z,
            a.Z, b.Z, o.Z);
        return Normalise(m);
    }

    /// <summary>The road surface: local x = world X, local y = world Z (so "down" on the canvas is away from the camera).</summary>
    public SKMatrix GroundMatrix(float heightAboveGround = 0f) =>
        PlaneMatrix(new Vector3(0, heightAboveGround, 0), Vector3.UnitX, Vector3.UnitZ);

    /// <summary>A vertical plane facing the camera at distance <paramref name="z"/>: local x = X, local y = height downward from <paramref name="topY"/>.</summary>
    public SKMatrix RearPlaneMatrix(float z, float leftX, float topY) =>
        PlaneMatrix(new Vector3(leftX, topY, z), Vector3.UnitX, -Vector3.UnitY);

    /// <summary>A vertical plane along the road at <paramref name="x"/>: local x = Z, local y = height downward from <paramref name="topY"/>.</summary>
    public SKMatrix SidePlaneMatrix(float x, float topY) =>
        PlaneMatrix(new Vector3(x, topY, 0), Vector3.UnitZ, -Vector3.UnitY);

    /// <summary>The distance along the road where the ground at <paramref name="heightM"/> crosses image row <paramref name="row"/>.</summary>
    public float ZAtRow(float row, float heightM = 0f)
    {
        float lo = NearClipZ, hi = 500f;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Project(new Vector3(0, heightM, mid)).Y > row)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private Vector3 Camera(Vector3 v) => new(v.X, Vector3.Dot(v, _down), Vector3.Dot(v, _forward));

    private static SKMatrix Normalise(SKMatrix m)
    {
        var k = 1f / m.Persp2;
        return new SKMatrix(m.ScaleX * k, m.SkewX * k, m.TransX * k, m.SkewY * k, m.ScaleY * k, m.TransY * k,
            m.Persp0 * k, m.Persp1 * k, 1f);
    }
}

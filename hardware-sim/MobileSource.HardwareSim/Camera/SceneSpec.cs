using System.Numerics;
using MobileSource.Domain.Plates;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>
/// A whole scene, deterministic from its seed: camera, conditions and a schedule of vehicles driving away from the camera
/// in two lanes. Build it with <see cref="FromSeed"/>; render it with <see cref="SceneRenderer"/>.
/// </summary>
public sealed class SceneSpec
{
    public const float LaneWidth = 3.5f;
    public const int Lanes = 2;

    private SceneSpec(int seed, SceneOptions options, CameraGeometry camera, SceneConditions conditions,
        IReadOnlyList<VehicleSpec> vehicles, int frameCount)
    {
        Seed = seed;
        Options = options;
        Camera = camera;
        Conditions = conditions;
        Vehicles = vehicles;
        FrameCount = frameCount;
    }

    public int Seed { get; }
    public SceneOptions Options { get; }
    public CameraGeometry Camera { get; }
    public SceneConditions Conditions { get; }
    public IReadOnlyList<VehicleSpec> Vehicles { get; }
    public int FrameCount { get; }
    public int Width => Options.Width;
    public int Height => Options.Height;
    public int Fps => Options.Fps;

    /// <summary>Lane 1 (left) and 2 (right) centres: the camera hangs over the line between them.</summary>
    public static float LaneCentreX(int lane) => (lane - 1.5f) * LaneWidth;

    public SceneTruth Truth => SceneTruth.From(this);

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static SceneSpec FromSeed(int seed, SceneOptions? options = null)
    {
        options ??= new SceneOptions();
        options.Validate();
        var rng = new Random(seed);
        var camera = new CameraGeometry(options.Width, options.Height);
        var conditions = ChooseConditions(rng, options, seed);
        var vehicles = ScheduleVehicles(rng, options, camera);
        var frameCount = vehicles.Max(v => v.LastFrame) + options.Fps; // a second of empty road at the end
        return new SceneSpec(seed, options, camera, conditions, vehicles, frameCount);
    }

    private static SceneConditions ChooseConditions(Random rng, SceneOptions options, int seed)
    {
        var roll = rng.NextDouble();
        var lighting = options.Lighting ?? (roll < 0.55 ? SceneLighting.Day : roll < 0.8 ? SceneLighting.Overcast : SceneLighting.Dusk);
        var shadows = options.Shadows ?? (lighting == SceneLighting.Day && rng.NextDouble() < 0.8);
        var sunAngle = (float)(rng.NextDouble() * Math.PI * 2);
        var shadowLength = 0.5f + (float)rng.NextDouble() * 0.9f;
        var clouds = new List<CloudShadow>();
        var wet = new List<WetPatch>();
        if (options.Distractors)
        {
            var cloudCount = lighting == SceneLighting.Dusk ? 0 : rng.Next(1, 4);
            for (var i = 0; i < cloudCount; i++)
            {
                var speed = 1.5f + (float)rng.NextDouble() * 3f;
                var heading = (float)(rng.NextDouble() * Math.PI * 2);
                clouds.Add(new CloudShadow(
                    X: (float)(rng.NextDouble() * 40 - 20), Z: (float)(rng.NextDouble() * 30),
                    RadiusX: 6f + (float)rng.NextDouble() * 8f, RadiusZ: 6f + (float)rng.NextDouble() * 10f,
                    VelocityX: speed * MathF.Cos(heading), VelocityZ: speed * MathF.Sin(heading),
                    Darkness: lighting == SceneLighting.Overcast ? 0.12f : 0.18f + (float)rng.NextDouble() * 0.17f));
            }
            var wetCount = rng.Next(0, 4);
            for (var i = 0; i < wetCount; i++)
            {
                wet.Add(new WetPatch(
                    X: (float)(rng.NextDouble() * 7 - 3.5), Z: 4f + (float)rng.NextDouble() * 14f,
                    RadiusX: 0.6f + (float)rng.NextDouble() * 1.4f, RadiusZ: 0.8f + (float)rng.NextDouble() * 2.5f,
                    Darkness: 0.2f + (float)rng.NextDouble() * 0.25f, Seed: rng.Next()));
            }
        }
        return new SceneConditions
        {
            Lighting = lighting,
            Shadows = shadows,
            ShadowDx = shadowLength * MathF.Cos(sunAngle),
            ShadowDz = shadowLength * MathF.Sin(sunAngle),
            CloudShadows = clouds,
            WetPatches = wet,
            RampAmplitude = options.Distractors ? 0.04f + (float)rng.NextDouble() * 0.08f : 0f,
            RampPeriodSeconds = 20f + (float)rng.NextDouble() * 40f,
            RampPhase = (float)(rng.NextDouble() * Math.PI * 2),
            NoiseSigma = options.Distractors ? (lighting == SceneLighting.Dusk ? 0.035f : 0.02f) : 0f,
            NoiseSeed = seed * 7919 + 17,
        };
    }

    private static List<VehicleSpec> ScheduleVehicles(Random rng, SceneOptions options, CameraGeometry camera)
    {
        var fps = options.Fps;
        var vehicles = new List<VehicleSpec>();
        var usedPlates = new HashSet<string>();
        var lastInLane = new VehicleSpec?[Lanes + 1];
        var entry = fps / 2;
        for (var id = 1; id <= options.Vehicles; id++)
        {
            var kind = ChooseKind(rng);
            var sideBySide = id > 1 && rng.NextDouble() < 0.25;
            var wander = (float)(rng.NextDouble() * 0.5 - 0.25);
            var lane = sideBySide ? 3 - vehicles[^1].Lane : rng.Next(1, Lanes + 1);
            if (!sideBySide)
            {
                entry += (int)(fps * (0.8 + rng.NextDouble() * 1.6));
            }
            var (width, height, length) = kind.Size();
            var vary = 0.94f + (float)rng.NextDouble() * 0.1f;
            width *= Math.Min(vary, 1.02f);
            height *= vary;
            length *= vary;
            var speed = kind.IsHeavy() ? 5.5f + (float)rng.NextDouble() * 3.5f : 7f + (float)rng.NextDouble() * 4f;
            var startZ = SpawnRearZ(camera, height, length);
            var leader = lastInLane[lane];
            if (leader is not null)
            {
                // Never catch up with the vehicle ahead in the lane, and enter only once it has pulled away.
                speed = Math.Min(speed, leader.SpeedMps);
                var gap = 6f + (float)rng.NextDouble() * 12f; // 6-18 m: about 1-2.5 s at these speeds
                var leaderFrame = leader.EntryFrame + (int)MathF.Ceiling((startZ + length + gap - leader.StartZ) * fps / leader.SpeedMps);
                entry = Math.Max(entry, leaderFrame);
            }
            var smokeRoll = rng.NextDouble();
            var smoky = kind.IsHeavy() && smokeRoll < options.SmokyShare;
            var newEnergy = kind == VehicleKind.Car && rng.NextDouble() < 0.25;
            var plateColour = kind.IsHeavy() ? PlateColour.Yellow : newEnergy ? PlateColour.Green : PlateColour.Blue;
            var spec = new VehicleSpec
            {
                Id = id,
                Kind = kind,
                Plate = PlateGenerator.Next(rng, newEnergy, usedPlates),
                PlateColour = plateColour,
                BodyColour = ChooseBodyColour(rng, kind),
                Lane = lane,
                CentreX = LaneCentreX(lane) + wander,
                Width = width,
                Height = height,
                Length = length,
                EntryFrame = entry,
                StartZ = startZ,
                SpeedMps = speed,
                Smoky = smoky,
                Ringelmann = smoky ? 1.0 + 0.25 * rng.Next(0, 13) : 0,
                Exhaust = (ExhaustSide)rng.Next(3),
                FaintExhaust = !smoky && kind.IsHeavy() && rng.NextDouble() < 0.5,
            };
            var (first, last) = VisibleFrames(spec, camera, fps);
            spec = spec with { FirstFrame = first, LastFrame = last };
            vehicles.Add(spec);
            lastInLane[lane] = spec;
        }
        return vehicles;
    }

    private static VehicleKind ChooseKind(Random rng) => rng.NextDouble() switch
    {
        < 0.22 => VehicleKind.Truck,
        < 0.34 => VehicleKind.Tanker,
        < 0.46 => VehicleKind.DumpTruck,
        < 0.56 => VehicleKind.Bus,
        < 0.68 => VehicleKind.Van,
        _ => VehicleKind.Car,
    };

    private static readonly SKColor[] BodyPalette =
    [
        new(235, 235, 232), new(200, 202, 205), new(120, 124, 128), new(40, 42, 46), new(18, 18, 20),
        new(170, 30, 30), new(30, 70, 150), new(20, 110, 60), new(225, 150, 30), new(90, 60, 40), new(12, 30, 60),
    ];

    private static SKColor ChooseBodyColour(Random rng, VehicleKind kind)
    {
        // Dark bodies are deliberately common: they are the classic false positive for black smoke.
        var roll = rng.NextDouble();
        if (roll < 0.2)
        {
            return BodyPalette[rng.Next(3, 5)];
        }
        return kind == VehicleKind.Bus && roll < 0.5 ? new SKColor(40, 140, 90) : BodyPalette[rng.Next(BodyPalette.Length)];
    }

    /// <summary>The rear position at which even the front top of the vehicle is still just below the frame.</summary>
    private static float SpawnRearZ(CameraGeometry camera, float height, float length) =>
        camera.ZAtRow(camera.Height + 2, height) - length;

    private static (int First, int Last) VisibleFrames(VehicleSpec v, CameraGeometry camera, int fps)
    {
        var first = -1;
        for (var frame = v.EntryFrame; ; frame++)
        {
            var visible = IsVisible(v, v.RearZ(frame, fps), camera);
            if (visible && first < 0)
            {
                first = frame;
            }
            else if (!visible && first >= 0)
            {
                return (first, frame - 1);
            }
            if (frame - v.EntryFrame > fps * 120)
            {
                throw new InvalidOperationException($"vehicle {v.Id} never leaves the view");
            }
        }
    }

    /// <summary>True when any part of the body box is inside the frame.</summary>
    internal static bool IsVisible(VehicleSpec v, float rearZ, CameraGeometry camera) =>
        ProjectedBox(v, rearZ, camera) is { } box
        && box.Right >= 0 && box.Left < camera.Width && box.Bottom >= 0 && box.Top < camera.Height;

    /// <summary>The image rectangle around the body box (its part in front of the near clip), or null when it is all behind.</summary>
    public static SKRect? ProjectedBox(VehicleSpec v, float rearZ, CameraGeometry camera)
    {
        var nearZ = Math.Max(rearZ, CameraGeometry.NearClipZ);
        var farZ = rearZ + v.Length;
        if (farZ <= nearZ)
        {
            return null;
        }
        float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
        foreach (var x in new[] { v.CentreX - v.Width / 2, v.CentreX + v.Width / 2 })
        foreach (var y in new[] { 0f, v.Height })
        foreach (var z in new[] { nearZ, farZ })
        {
            var p = camera.Project(new Vector3(x, y, z));
            minX = Math.Min(minX, p.X);
            maxX = Math.Max(maxX, p.X);
            minY = Math.Min(minY, p.Y);
            maxY = Math.Max(maxY, p.Y);
        }
        return new SKRect(minX, minY, maxX, maxY);
    }
}

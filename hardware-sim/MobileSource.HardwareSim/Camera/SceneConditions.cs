namespace MobileSource.HardwareSim.Camera;

/// <summary>A soft cloud shadow sweeping across the road (ground metres, moving at a constant velocity).</summary>
public sealed record CloudShadow(float X, float Z, float RadiusX, float RadiusZ, float VelocityX, float VelocityZ, float Darkness);

/// <summary>A static wet (darker) patch of road.</summary>
public sealed record WetPatch(float X, float Z, float RadiusX, float RadiusZ, float Darkness, int Seed);

/// <summary>Everything about a scene that is not a vehicle.</summary>
public sealed record SceneConditions
{
    public required SceneLighting Lighting { get; init; }
    public required bool Shadows { get; init; }

    /// <summary>Where the shadow of a point 1 m above the road falls, relative to the point (ground metres).</summary>
    public required float ShadowDx { get; init; }
    public required float ShadowDz { get; init; }

    public required IReadOnlyList<CloudShadow> CloudShadows { get; init; }
    public required IReadOnlyList<WetPatch> WetPatches { get; init; }

    /// <summary>Global brightness = base * (1 + amplitude * sin(2 pi t / period + phase)): slow exposure/sun changes.</summary>
    public required float RampAmplitude { get; init; }
    public required float RampPeriodSeconds { get; init; }
    public required float RampPhase { get; init; }

    /// <summary>Sensor noise standard deviation as a fraction of full scale; 0 for none.</summary>
    public required float NoiseSigma { get; init; }

    public required int NoiseSeed { get; init; }

    /// <summary>The scene brightness relative to a clear day (before the ramp).</summary>
    public float BaseBrightness => Lighting switch
    {
        SceneLighting.Dusk => 0.42f,
        SceneLighting.Overcast => 0.78f,
        _ => 1f,
    };
}

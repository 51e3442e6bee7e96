namespace MobileSource.Vision.Smoke;

/// <summary>
/// The per-frame feature vector of the region behind a vehicle, compared with the learned background.
/// The order is the model's input layout: append new features at the end and retrain.
/// </summary>
public static class SmokeFeatures
{
    public const int OpacityMedian = 0;
    public const int OpacityP90 = 1;
    /// <summary>High percentile of the smoothed opacity over shade pixels: the plume core.</summary>
    public const int CoreOpacity = 2;
    public const int ShadeFraction = 3;
    public const int DenseShadeFraction = 4;
    /// <summary>Opacity gradient over shade pixels per unit of core opacity: shadows are hard-edged, smoke is soft.</summary>
    public const int EdgeSharpness = 5;
    public const int ChromaShift = 6;
    /// <summary>Change of the region's opacity pattern relative to the vehicle since the last frame: smoke churns, a shadow is rigid.</summary>
    public const int VehicleRelativeChurn = 7;
    /// <summary>Change of opacity at the same image pixels since the last frame: a wet patch or a cloud shadow is static.</summary>
    public const int WorldChurn = 8;
    public const int Texture = 9;
    /// <summary>Mean distance of the shade mass from the vehicle, 0 (touching) to 1 (far end of the region).</summary>
    public const int MassDistance = 10;
    public const int AttachedFraction = 11;
    /// <summary>Opacity beside the region: darkening that is everywhere (a cloud shadow, dusk) is not a plume.</summary>
    public const int ContextOpacity = 12;
    public const int ContextShadeFraction = 13;
    public const int ObjectFraction = 14;
    public const int BoxHeight = 15;
    public const int BoxPosition = 16;
    public const int Gain = 17;
    public const int ShadeGradient = 18;
    public const int FrameForeground = 19;
    public const int MaxOpacity = 20;
    public const int BackgroundBrightness = 21;
    public const int BoxAspect = 22;
    // Trail features (SmokeTrail.cs): the road the vehicle's rear covered 0.2-1.0 s ago and has since left, against
    // control strips beside it on the same rows. A body and its attached shadow move on; puffs stay behind. -1 when
    // there is no such road yet (or the travel direction is sideways).
    /// <summary>Robust high percentile of 1 - I/B in the youngest uncovered third of the corridor, minus the control strips' median.</summary>
    public const int TrailYoung = 23;
    public const int TrailMid = 24;
    public const int TrailOld = 25;
    /// <summary>Median 1 - I/B of the control strips beside the corridor (cloud shadow, lighting).</summary>
    public const int TrailControl = 26;
    /// <summary>Shade-class share of the corridor core.</summary>
    public const int TrailShadeFraction = 27;
    /// <summary>Uncovered corridor length in vehicle box heights.</summary>
    public const int TrailLength = 28;
    /// <summary>Raw plume-core opacity (90th percentile of the 3x3-smoothed 1 - I/B) of the youngest third: 5x this is the Ringelmann level.</summary>
    public const int TrailCore = 29;
    // Whose plume is it? A vehicle's own plume is densest where it leaves the exhaust, just behind the vehicle; the plume
    // of a vehicle alongside drifts in from the side, further back, and lies in that vehicle's wake.
    /// <summary>High percentile of the smoothed opacity over the shade pixels of the band next to the vehicle.</summary>
    public const int AttachedCore = 30;
    /// <summary>Share of the region's shade mass that lies in the wake of another vehicle (behind it, within 1.4 of its widths).</summary>
    public const int NeighbourWakeShare = 31;
    /// <summary>Distance across the travel axis of the shade mass's centre from the vehicle's centre, in vehicle widths.</summary>
    public const int LateralOffset = 32;
    // The smoke patch network's reading of the region (SmokePatchModel); -1 without that model.
    /// <summary>The network's smoke probability for the region.</summary>
    public const int PatchScore = 33;
    /// <summary>The network's Ringelmann level for the region.</summary>
    public const int PatchLevel = 34;
    public const int Count = 35;

    /// <summary>
    /// A copy without the patch network's readings (as if there were no network): what a model sees that must not
    /// use them. A FastTree model never splits on a value that is the same in every sample.
    /// </summary>
    public static float[] WithoutPatch(float[] features)
    {
        var copy = (float[])features.Clone();
        copy[PatchScore] = copy[PatchLevel] = -1f;
        return copy;
    }

    public static readonly string[] Names =
    [
        "opacity_median", "opacity_p90", "core_opacity", "shade_fraction", "dense_shade_fraction", "edge_sharpness",
        "chroma_shift", "vehicle_relative_churn", "world_churn", "texture", "mass_distance", "attached_fraction",
        "context_opacity", "context_shade_fraction", "object_fraction", "box_height", "box_position", "gain",
        "shade_gradient", "frame_foreground", "max_opacity", "background_brightness", "box_aspect",
        "trail_young", "trail_mid", "trail_old", "trail_control", "trail_shade_fraction", "trail_length", "trail_core",
        "attached_core", "neighbour_wake_share", "lateral_offset", "patch_score", "patch_level",
    ];
}

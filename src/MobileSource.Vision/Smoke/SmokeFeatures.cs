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
    public const int Count = 23;

    public static readonly string[] Names =
    [
        "opacity_median", "opacity_p90", "core_opacity", "shade_fraction", "dense_shade_fraction", "edge_sharpness",
        "chroma_shift", "vehicle_relative_churn", "world_churn", "texture", "mass_distance", "attached_fraction",
        "context_opacity", "context_shade_fraction", "object_fraction", "box_height", "box_position", "gain",
        "shade_gradient", "frame_foreground", "max_opacity", "background_brightness", "box_aspect",
    ];
}

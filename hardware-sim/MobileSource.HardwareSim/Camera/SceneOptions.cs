namespace MobileSource.HardwareSim.Camera;

/// <summary>What the caller fixes about a scene; everything else follows from the seed.</summary>
public sealed record SceneOptions
{
    public int Vehicles { get; init; } = 12;
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;
    public int Fps { get; init; } = 25;

    /// <summary>Null: chosen from the seed.</summary>
    public SceneLighting? Lighting { get; init; }

    /// <summary>Null: chosen from the seed (never for overcast or dusk, which have no hard shadows).</summary>
    public bool? Shadows { get; init; }

    /// <summary>Share of heavy diesel vehicles (trucks, buses) that emit black smoke.</summary>
    public double SmokyShare { get; init; } = 0.4;

    /// <summary>Sensor noise, cloud shadows, wet patches and lighting ramps; off only for measuring the plume alone.</summary>
    public bool Distractors { get; init; } = true;

    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Vehicles is < 1 or > 2000)
        {
            throw new ArgumentException($"vehicles must be 1..2000, got {Vehicles}", nameof(Vehicles));
        }
        if (Width is < 320 or > 3840 || Width % 2 != 0)
        {
            throw new ArgumentException($"width must be an even number of pixels 320..3840, got {Width}", nameof(Width));
        }
        if (Height is < 240 or > 2160 || Height % 2 != 0)
        {
            throw new ArgumentException($"height must be an even number of pixels 240..2160, got {Height}", nameof(Height));
        }
        if (Fps is < 5 or > 60)
        {
            throw new ArgumentException($"fps must be 5..60, got {Fps}", nameof(Fps));
        }
        if (SmokyShare is < 0 or > 1 || double.IsNaN(SmokyShare))
        {
            throw new ArgumentException($"smoky share must be 0..1, got {SmokyShare}", nameof(SmokyShare));
        }
    }
}

using MobileSource.Domain.Plates;
using SkiaSharp;

namespace MobileSource.HardwareSim.Camera;

/// <summary>One vehicle of a scene: what it is and how it moves. Lane 1 is the left lane seen from the camera.</summary>
public sealed record VehicleSpec
{
    public required int Id { get; init; }
    public required VehicleKind Kind { get; init; }
    public required PlateNumber Plate { get; init; }
    public required PlateColour PlateColour { get; init; }
    public required SKColor BodyColour { get; init; }
    public required int Lane { get; init; }

    /// <summary>Lateral centre (m) of the vehicle; lane centre plus a little wander.</summary>
    public required float CentreX { get; init; }

    public required float Width { get; init; }
    public required float Height { get; init; }
    public required float Length { get; init; }

    /// <summary>The frame at which the rear is at <see cref="StartZ"/>.</summary>
    public required int EntryFrame { get; init; }

    public required float StartZ { get; init; }
    public required float SpeedMps { get; init; }

    public required bool Smoky { get; init; }

    /// <summary>Ringelmann level of the plume core; 0 for vehicles that do not smoke.</summary>
    public required double Ringelmann { get; init; }

    public required ExhaustSide Exhaust { get; init; }

    /// <summary>Non-smoky vehicles only: a faint grey-white exhaust that must not count as black smoke.</summary>
    public required bool FaintExhaust { get; init; }

    /// <summary>Visible frames, inclusive.</summary>
    public int FirstFrame { get; init; }
    public int LastFrame { get; init; }

    public bool IsHeavy => Kind.IsHeavy();

    /// <summary>The rear's distance along the road at <paramref name="frame"/> (m).</summary>
    public float RearZ(int frame, int fps) => StartZ + SpeedMps * (frame - EntryFrame) / fps;

    /// <summary>The exhaust outlet's lateral position (m).</summary>
    public float ExhaustX => Exhaust switch
    {
        ExhaustSide.Left => CentreX - Width * 0.32f,
        ExhaustSide.Right => CentreX + Width * 0.32f,
        _ => CentreX,
    };

    public const float ExhaustHeight = 0.45f;
}

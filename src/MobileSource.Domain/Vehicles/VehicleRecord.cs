using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Vehicles;

/// <summary>A vehicle as the vehicle administration's registry describes it. Coded fields are kept raw.</summary>
public sealed record VehicleRecord
{
    public PlateNumber Plate { get; init; }
    public PlateColour Colour { get; init; }
    public PlateType PlateType { get; init; }
    public string? Vin { get; init; }
    public FuelType Fuel { get; init; }
    public EmissionStage? Stage { get; init; }

    /// <summary>Model (clxh).</summary>
    public string? Model { get; init; }

    /// <summary>Use nature code as the registry gives it (syxz).</summary>
    public string? UseNature { get; init; }

    /// <summary>Vehicle class code as the registry gives it (cllx).</summary>
    public string? VehicleClass { get; init; }

    public DateOnly? FirstRegistered { get; init; }
    public string? Owner { get; init; }
    public string? FleetOperator { get; init; }
    public bool IsKeyFleet { get; init; }
    public bool ObdConnected { get; init; }

    public PlateIdentity Identity => new(Plate, Colour);
    public bool IsDiesel => Fuel == FuelType.Diesel;
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>
/// A row of the vehicle registry as imported from the vehicle administration's export.
/// Flat on purpose: the bulk importer writes this table with plain SQL.
/// </summary>
public sealed class RegisteredVehicle
{
    public long Id { get; set; }
    /// <summary>Normalised plate number without separator, e.g. 豫F12345.</summary>
    public string Plate { get; set; } = "";
    /// <summary><see cref="MobileSource.Domain.Plates.PlateColour"/> as int.</summary>
    public int PlateColour { get; set; }
    /// <summary>GA 24.7 plate type code as int (1, 2, 15, 51, ...).</summary>
    public int PlateType { get; set; }
    public string? Vin { get; set; }
    /// <summary>Fuel letter code (A gasoline, B diesel, ...).</summary>
    public string Fuel { get; set; } = "";
    /// <summary>Emission stage as level plus optional sub-stage: "3", "6", "6b"; null when the registry gave none.</summary>
    public string? EmissionStage { get; set; }
    public string? Model { get; set; }
    public string? UseNature { get; set; }
    public string? VehicleClass { get; set; }
    public DateOnly? FirstRegistered { get; set; }
    public string? Owner { get; set; }
    public string? FleetOperator { get; set; }
    public bool IsKeyFleet { get; set; }
    public bool ObdConnected { get; set; }
    /// <summary>Hash of every imported field; a re-import with the same hash is "unchanged".</summary>
    public long ContentHash { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

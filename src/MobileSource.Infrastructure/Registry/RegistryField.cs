namespace MobileSource.Infrastructure.Registry;

/// <summary>The registry fields the importer reads; <see cref="RegistryColumns"/> names their header columns.</summary>
public enum RegistryField
{
    Plate,
    PlateColour,
    PlateType,
    Vin,
    Fuel,
    EmissionStage,
    Model,
    UseNature,
    FirstRegistration,
    Owner,
    VehicleClass,
    FleetOperator,
    KeyFleet,
    ObdConnected,
}

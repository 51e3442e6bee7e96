namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>A vehicle of the simulated fleet: what its plate says, what it burns and how dirty it really is.</summary>
public sealed record RsdVehicle(
    string Plate,
    string PlateColourCode,
    char Fuel,
    int EmissionStage,
    bool HighEmitter,
    string FleetOperator,
    string Vin);

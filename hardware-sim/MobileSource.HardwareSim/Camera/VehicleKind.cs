namespace MobileSource.HardwareSim.Camera;

/// <summary>Rear-view body types. Heavy ones (trucks, buses) run on diesel and may smoke.</summary>
public enum VehicleKind
{
    Truck,
    Tanker,
    DumpTruck,
    Bus,
    Van,
    Car,
}

public static class VehicleKinds
{
    public static bool IsHeavy(this VehicleKind kind) => kind is VehicleKind.Truck or VehicleKind.Tanker or VehicleKind.DumpTruck or VehicleKind.Bus;

    /// <summary>Width, height and length in metres (before per-vehicle variation).</summary>
    public static (float Width, float Height, float Length) Size(this VehicleKind kind) => kind switch
    {
        VehicleKind.Truck => (2.5f, 3.8f, 11f),
        VehicleKind.Tanker => (2.5f, 3.4f, 10f),
        VehicleKind.DumpTruck => (2.5f, 3.2f, 8.5f),
        VehicleKind.Bus => (2.5f, 3.2f, 11.5f),
        VehicleKind.Van => (1.9f, 2.1f, 5f),
        _ => (1.8f, 1.45f, 4.6f),
    };
}

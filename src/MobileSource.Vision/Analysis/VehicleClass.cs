namespace MobileSource.Vision.Analysis;

public enum VehicleClass
{
    Unknown,
    Light,
    Heavy,
}

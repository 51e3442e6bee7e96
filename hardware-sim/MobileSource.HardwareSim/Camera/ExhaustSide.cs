namespace MobileSource.HardwareSim.Camera;

/// <summary>Where the exhaust leaves the vehicle, seen from behind.</summary>
public enum ExhaustSide
{
    Left,
    Centre,
    Right,
}

namespace MobileSource.Domain.Vehicles;

/// <summary>Fuel type; the values are the registry's letter codes (remote-sensing data uses A and B).</summary>
public enum FuelType
{
    Gasoline = 'A',
    Diesel = 'B',
    Electric = 'C',
    Mixed = 'D',
    NaturalGas = 'E',
    Lpg = 'F',
    Methanol = 'L',
    Ethanol = 'M',
    Solar = 'N',
    Hybrid = 'O',
    Other = 'Z',
}

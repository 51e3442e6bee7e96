namespace MobileSource.Domain.Plates;

/// <summary>
/// Plate colour. The numbers are this system's own stable codes, not any source's:
/// each source's codes are mapped explicitly in <see cref="PlateColourCodes"/>.
/// </summary>
public enum PlateColour
{
    Blue = 1,
    Yellow = 2,
    White = 3,
    Black = 4,
    Green = 5,
    YellowGreen = 6,
    Other = 9,
}

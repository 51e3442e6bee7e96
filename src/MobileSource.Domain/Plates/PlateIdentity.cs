namespace MobileSource.Domain.Plates;

/// <summary>A vehicle is identified by its plate number and plate colour together.</summary>
public readonly record struct PlateIdentity(PlateNumber Number, PlateColour Colour)
{
    public override string ToString() => $"{Number.Value}/{Colour}";
}

namespace MobileSource.Domain.Plates;

/// <summary>Plate type; the values are the GA 24.7 codes.</summary>
public enum PlateType
{
    Large = 1,
    Small = 2,
    LowSpeed = 13,
    Trailer = 15,
    DrivingSchool = 16,
    Police = 23,
    LargeNewEnergy = 51,
    SmallNewEnergy = 52,
    Other = 99,
}

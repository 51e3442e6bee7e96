namespace MobileSource.Domain.Limits;

/// <summary>Measured pollutants and their units: CO %, HC ppm, NO ppm, opacity %, Ringelmann level 0-5.</summary>
public enum Pollutant
{
    Co,
    Hc,
    No,
    Opacity,
    Ringelmann,
}

using MobileSource.Domain.Plates;

namespace MobileSource.Server.Api;

/// <summary>How plates leave the API: as printed (豫F·12345) plus the colour's name.</summary>
public static class PlateView
{
    public static string Display(string normalised) =>
        PlateNumber.TryParse(normalised, out var plate, out _) ? plate.ToDisplay() : normalised;

    public static string Colour(int colour) => ((PlateColour)colour).ToString().ToLowerInvariant();

    public static string Colour(PlateColour colour) => colour.ToString().ToLowerInvariant();
}

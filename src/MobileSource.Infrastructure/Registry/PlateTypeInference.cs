using MobileSource.Domain.Plates;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// The plate type for a row without one (hpzl absent or empty), from what the plate itself shows:
/// the 挂 / 学 / 警 suffix, the colour (yellow large, blue small) and the new-energy serial (5 digits + D/F is large).
/// </summary>
internal static class PlateTypeInference
{
    public static PlateType Infer(PlateNumber plate, PlateColour colour)
    {
        var value = plate.Value;
        switch (value.Length > 0 ? value[^1] : default)
        {
            case '挂':
                return PlateType.Trailer;
            case '学':
                return PlateType.DrivingSchool;
            case '警':
                return PlateType.Police;
        }
        if (plate.IsNewEnergy)
        {
            return char.IsAsciiDigit(plate.Serial[0]) ? PlateType.LargeNewEnergy : PlateType.SmallNewEnergy;
        }
        return colour switch
        {
            PlateColour.Yellow => PlateType.Large,
            PlateColour.Blue => PlateType.Small,
            _ => PlateType.Other,
        };
    }
}

using MobileSource.Domain.Plates;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>Turns the plate fields of a message back into domain values; a bad plate in a message is a bug upstream.</summary>
public static class ContractNames
{
    public static PlateIdentity Vehicle(string plate, string colour)
    {
        if (!PlateNumber.TryParse(plate, out var number, out var error))
        {
            throw new InvalidOperationException($"Message carries an invalid plate '{plate}': {error}");
        }
        if (!Enum.TryParse<PlateColour>(colour, ignoreCase: true, out var plateColour))
        {
            throw new InvalidOperationException($"Message carries an unknown plate colour '{colour}'.");
        }
        return new PlateIdentity(number, plateColour);
    }
}

using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Infrastructure.Stations;

/// <summary>Validation of the plate + colour pair every station request carries.</summary>
public static class VehicleInput
{
    public static PlateIdentity? Read(string? plate, string? colour, List<FieldError> errors)
    {
        PlateNumber number = default;
        var ok = true;
        if (string.IsNullOrWhiteSpace(plate))
        {
            errors.Add(new FieldError("plate", "plate is required"));
            ok = false;
        }
        else if (!PlateNumber.TryParse(plate, out number, out var error))
        {
            errors.Add(new FieldError("plate", $"'{plate}' is not a valid plate: {error}"));
            ok = false;
        }
        PlateColour plateColour = default;
        if (string.IsNullOrWhiteSpace(colour))
        {
            errors.Add(new FieldError("plateColour", "plateColour is required (blue, yellow, green, ... or the police code)"));
            ok = false;
        }
        else if (!PlateColourCodes.TryParse(colour, out plateColour))
        {
            errors.Add(new FieldError("plateColour", $"'{colour}' is not a plate colour"));
            ok = false;
        }
        return ok ? new PlateIdentity(number, plateColour) : null;
    }

    public static string? Station(string? station, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(station))
        {
            errors.Add(new FieldError("station", "station is required"));
            return null;
        }
        if (station.Length > 128)
        {
            errors.Add(new FieldError("station", "station is longer than 128 characters"));
            return null;
        }
        return station.Trim();
    }

    public static DateTimeOffset? Time(DateTimeOffset? value, string field, DateTimeOffset now, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, $"{field} is required"));
            return null;
        }
        if (value > now.AddMinutes(10))
        {
            errors.Add(new FieldError(field, $"{field} {value:u} is in the future"));
            return null;
        }
        return value;
    }

    /// <summary>Free text must fit its column: a longer value is the caller's error, not a server failure.</summary>
    public static void MaxLength(string? value, string field, int max, List<FieldError> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, $"{field} is longer than {max} characters"));
        }
    }
}

using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
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
            errors.Add(new FieldError("plate", Bilingual.Text("plate is required", "请填写号牌")));
            ok = false;
        }
        else if (!PlateNumber.TryParse(plate, out number, out var error))
        {
            errors.Add(new FieldError("plate", Bilingual.Text($"'{plate}' is not a valid plate: {error}", $"“{plate}”不是有效号牌：{error}")));
            ok = false;
        }
        PlateColour plateColour = default;
        if (string.IsNullOrWhiteSpace(colour))
        {
            errors.Add(new FieldError("plateColour", Bilingual.Text("plateColour is required (blue, yellow, green, ... or the police code)", "请选择号牌颜色（蓝、黄、绿等）")));
            ok = false;
        }
        else if (!PlateColourCodes.TryParse(colour, out plateColour))
        {
            errors.Add(new FieldError("plateColour", Bilingual.Text($"'{colour}' is not a plate colour", $"“{colour}”不是号牌颜色")));
            ok = false;
        }
        return ok ? new PlateIdentity(number, plateColour) : null;
    }

    public static string? Station(string? station, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(station))
        {
            errors.Add(new FieldError("station", Bilingual.Text("station is required", "请填写站点名称")));
            return null;
        }
        if (station.Length > 128)
        {
            errors.Add(new FieldError("station", Bilingual.Text("station is longer than 128 characters", "站点名称不能超过 128 个字符")));
            return null;
        }
        return station.Trim();
    }

    public static DateTimeOffset? Time(DateTimeOffset? value, string field, DateTimeOffset now, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, Bilingual.Text($"{field} is required", "请填写时间")));
            return null;
        }
        if (value > now.AddMinutes(10))
        {
            errors.Add(new FieldError(field, Bilingual.Text($"{field} {value:u} is in the future", $"时间 {value:u} 晚于现在")));
            return null;
        }
        return value;
    }

    /// <summary>Free text must fit its column: a longer value is the caller's error, not a server failure.</summary>
    public static void MaxLength(string? value, string field, int max, List<FieldError> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, Bilingual.Text($"{field} is longer than {max} characters", $"不能超过 {max} 个字符")));
        }
    }
}

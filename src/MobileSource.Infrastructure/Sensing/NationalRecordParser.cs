using System.Text.Json;
using MobileSource.Domain.Plates;
using MobileSource.Domain.RemoteSensing;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// Parses a remote-sensing record in the national field layout (jlbh, dwbh, jcrq, hphm, nojg, btgdjg, ...;
/// see shared/reference/domain-facts.md) or in the JSON of the C# device software (TESTNO, MN, TESTDATE, LICENSE, ...:
/// <see cref="DeviceSoftwareLayout"/>), told apart by their record-number field. Values outside the physical range of
/// the instrument are errors, not violations: a CO of 250 % is a broken record. Errors name the sender's fields.
/// </summary>
public static class NationalRecordParser
{
    public static (RemoteSensingReading? Reading, IReadOnlyList<FieldError> Errors) Parse(JsonElement record, TimeSpan localOffset, DateTimeOffset now)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FieldError("$", $"a record must be a JSON object, got {record.ValueKind}")]);
        }
        var r = new JsonRecordReader(record, now, DeviceSoftwareLayout.IsUsedBy(record) ? DeviceSoftwareLayout.Names : null);
        var recordNo = r.String("jlbh", 64, required: true);
        var siteNo = r.String("dwbh", 64, required: true);
        var lineNo = r.String("ycxbh", 64);
        var lane = r.Integer("cdxh", 0, 99);
        var measuredAt = r.Time("jcrq", localOffset, required: true);

        var plateRaw = r.String("hphm", 32);
        PlateNumber? plate = plateRaw is not null && PlateNumber.TryParse(plateRaw, out var parsed, out _) ? parsed : null;

        PlateColour? colour = null;
        var colourRaw = r.String("cpys", 16);
        if (colourRaw is not null)
        {
            if (PlateColourCodes.TryParse(colourRaw, out var c))
            {
                colour = c;
            }
            else
            {
                var field = r.NameOf("cpys");
                r.Errors.Add(new FieldError(field, $"{field} '{colourRaw}' is not a plate colour code (0 white, 1 yellow, 2 blue, 3 black, 4 green, 9 other, or the colour's name)"));
            }
        }
        var typeRaw = r.String("hpzl", 8);
        if (typeRaw is not null)
        {
            if (PlateTypeCodes.TryParse(typeRaw, out var type))
            {
                colour ??= PlateTypeCodes.UsualColour(type); // no colour sent: the one plates of this type have
            }
            else
            {
                var field = r.NameOf("hpzl");
                r.Errors.Add(new FieldError(field, $"{field} '{typeRaw}' is not a plate type code (GA 24.7: 01 large, 02 small, 15 trailer, 51/52 new energy, ...)"));
            }
        }

        FuelType? fuel = null;
        var fuelRaw = r.String("rlzl", 16);
        if (fuelRaw is not null)
        {
            if (FuelTypeCodes.TryParse(fuelRaw, out var f))
            {
                fuel = f;
            }
            else
            {
                var field = r.NameOf("rlzl");
                r.Errors.Add(new FieldError(field, $"{field} '{fuelRaw}' is not a fuel type code (A gasoline, B diesel, ...)"));
            }
        }

        var reading = new RemoteSensingReading
        {
            RecordNo = recordNo ?? "",
            SiteNo = siteNo ?? "",
            LineNo = lineNo,
            Lane = lane,
            MeasuredAt = measuredAt ?? default,
            PlateRaw = plateRaw,
            Plate = plate,
            Colour = colour,
            PlateConfidence = r.Number("sbzxd", 0, 100, "%"),
            Fuel = fuel,
            Co2Percent = r.Number("co2jg", 0, 20, "%"),
            CoPercent = r.Number("cojg", 0, 15, "%"),
            HcPpm = r.Number("hcjg", 0, 20000, "ppm"),
            NoPpm = r.Number("nojg", 0, 10000, "ppm"),
            OpacityPercent = r.Number("btgdjg", 0, 100, "%"),
            Ringelmann = r.Number("lgmhd", 0, 5, "level"),
            SpeedMps = r.Number("clsd", 0, 70, "m/s"),
            AccelerationMps2 = r.Number("cljsd", -15, 15, "m/s2"),
            VspKwPerTonne = r.Number("vsp", -100, 100, "kW/t"),
            SlopeDegrees = r.Number("cdpd", -30, 30, "degrees"),
            WindSpeedMps = r.Number("fs", 0, 60, "m/s"),
            TemperatureC = r.Number("hjwd", -50, 70, "C"),
            HumidityPercent = r.Number("sd", 0, 100, "%"),
            PressureKpa = r.Number("dqy", 50, 120, "kPa"),
        };
        return r.Errors.Count == 0 ? (reading, r.Errors) : (null, r.Errors);
    }
}

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Header names of a registry export: the vehicle administration's pinyin abbreviations and our English aliases.
/// Matching ignores case, spaces, '_' and '-'. yyqy (运营企业, fleet operator), zdjg (重点监管, key fleet) and
/// obdlw (OBD 联网, OBD connected) are this system's own optional columns, not the administration's.
/// </summary>
public static class RegistryColumns
{
    public sealed record Column(RegistryField Field, string Pinyin, string English, bool Required);

    public static readonly IReadOnlyList<Column> All =
    [
        new(RegistryField.Plate, "hphm", "plate", Required: true),
        new(RegistryField.PlateColour, "cpys", "plate_colour", Required: true),
        new(RegistryField.PlateType, "hpzl", "plate_type", Required: false),
        new(RegistryField.Vin, "clsbdh", "vin", Required: false),
        new(RegistryField.Fuel, "rlzl", "fuel", Required: true),
        new(RegistryField.EmissionStage, "pfbzjd", "emission_stage", Required: false),
        new(RegistryField.Model, "clxh", "model", Required: false),
        new(RegistryField.UseNature, "syxz", "use_nature", Required: false),
        new(RegistryField.FirstRegistration, "ccdjrq", "first_registration", Required: false),
        new(RegistryField.Owner, "syr", "owner", Required: false),
        new(RegistryField.VehicleClass, "cllx", "vehicle_class", Required: false),
        new(RegistryField.FleetOperator, "yyqy", "fleet_operator", Required: false),
        new(RegistryField.KeyFleet, "zdjg", "key_fleet", Required: false),
        new(RegistryField.ObdConnected, "obdlw", "obd_connected", Required: false),
    ];

    private static readonly Dictionary<string, Column> ByName = BuildNames();

    public static Column Of(RegistryField field) => All[(int)field];

    public static bool TryResolve(string headerCell, out Column column) => ByName.TryGetValue(Key(headerCell), out column!);

    private static string Key(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-'))).ToLowerInvariant();

    private static Dictionary<string, Column> BuildNames()
    {
        var names = new Dictionary<string, Column>();
        foreach (var column in All)
        {
            names.Add(Key(column.Pinyin), column);
            names.Add(Key(column.English), column);
        }
        names.Add(Key("plate_color"), Of(RegistryField.PlateColour));
        return names;
    }
}

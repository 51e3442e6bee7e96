using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// The registered_vehicles table as the lead's EF model maps RegisteredVehicle, for the bulk writers' plain SQL.
/// Values are stored as EF stores them: colour and plate type as ints, fuel as its letter, the stage as "3" / "6b".
/// </summary>
internal static class RegistryTable
{
    public const string Name = "registered_vehicles";

    /// <summary>Every column the importer writes, in the order the writers bind them.</summary>
    public static readonly string[] Columns =
    [
        "plate", "plate_colour", "plate_type", "vin", "fuel", "emission_stage", "model", "use_nature", "vehicle_class",
        "first_registered", "owner", "fleet_operator", "is_key_fleet", "obd_connected", "content_hash", "updated_at_utc",
    ];

    public static string ColumnList => string.Join(", ", Columns);

    private static readonly Dictionary<FuelType, string> FuelCodes =
        Enum.GetValues<FuelType>().ToDictionary(f => f, f => FuelTypeCodes.ToCode(f).ToString());

    private static readonly Dictionary<EmissionStage, string> StageCodes = AllStages().ToDictionary(s => s, s => s.ToCode());

    public static string FuelCode(FuelType fuel) => FuelCodes.TryGetValue(fuel, out var code) ? code : FuelTypeCodes.ToCode(fuel).ToString();

    public static string? StageCode(EmissionStage? stage) =>
        stage is { } s ? StageCodes.TryGetValue(s, out var code) ? code : s.ToCode() : null;

    /// <summary>The row's values in <see cref="Columns"/> order, boxed, with DBNull for null.</summary>
    public static void Fill(object[] values, StagedVehicle staged, DateTime updatedAtUtc)
    {
        var v = staged.Vehicle;
        values[0] = v.Plate.Value;
        values[1] = (int)v.Colour;
        values[2] = (int)v.PlateType;
        values[3] = OrNull(v.Vin);
        values[4] = FuelCode(v.Fuel);
        values[5] = OrNull(StageCode(v.Stage));
        values[6] = OrNull(v.Model);
        values[7] = OrNull(v.UseNature);
        values[8] = OrNull(v.VehicleClass);
        values[9] = v.FirstRegistered is { } date ? date : DBNull.Value;
        values[10] = OrNull(v.Owner);
        values[11] = OrNull(v.FleetOperator);
        values[12] = v.IsKeyFleet;
        values[13] = v.ObdConnected;
        values[14] = staged.ContentHash;
        values[15] = updatedAtUtc;
    }

    private static object OrNull(string? text) => text is null ? DBNull.Value : text;

    private static IEnumerable<EmissionStage> AllStages()
    {
        for (var level = EmissionStage.MinLevel; level <= EmissionStage.MaxLevel; level++)
        {
            yield return new EmissionStage(level);
        }
        yield return new EmissionStage(EmissionStage.MaxLevel, 'a');
        yield return new EmissionStage(EmissionStage.MaxLevel, 'b');
    }
}

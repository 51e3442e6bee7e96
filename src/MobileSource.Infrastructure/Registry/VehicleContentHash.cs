using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// A stable 64-bit hash of every imported field in its stored form (FNV-1a over UTF-16 code units, each string
/// length-prefixed so that field boundaries count). Stored as content_hash: an equal hash means the row is unchanged.
/// Changing what goes in here makes the next import report every vehicle as updated, once; nothing breaks.
/// </summary>
internal static class VehicleContentHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(VehicleRecord v)
    {
        var hash = OffsetBasis;
        Add(ref hash, v.Plate.Value);
        Add(ref hash, (int)v.Colour);
        Add(ref hash, (int)v.PlateType);
        Add(ref hash, v.Vin);
        Add(ref hash, (int)v.Fuel);
        Add(ref hash, RegistryTable.StageCode(v.Stage));
        Add(ref hash, v.Model);
        Add(ref hash, v.UseNature);
        Add(ref hash, v.VehicleClass);
        Add(ref hash, v.FirstRegistered?.DayNumber ?? -1);
        Add(ref hash, v.Owner);
        Add(ref hash, v.FleetOperator);
        Add(ref hash, v.IsKeyFleet ? 1 : 0);
        Add(ref hash, v.ObdConnected ? 1 : 0);
        return unchecked((long)hash);
    }

    private static void Add(ref ulong hash, string? text)
    {
        Add(ref hash, text?.Length ?? -1);
        foreach (var c in text.AsSpan())
        {
            hash = unchecked((hash ^ c) * Prime);
        }
    }

    private static void Add(ref ulong hash, int value)
    {
        hash = unchecked((hash ^ (uint)value) * Prime);
    }
}

using System.Data.Common;
using MobileSource.Domain.Vehicles;

namespace MobileSource.Infrastructure.Registry;

/// <summary>The registry as it stands, read in one scan: (plate, colour) to the row's id and content hash.</summary>
internal sealed class ExistingVehicles
{
    private readonly Dictionary<(string Plate, int Colour), (long Id, long Hash)> _rows;

    private ExistingVehicles(Dictionary<(string Plate, int Colour), (long Id, long Hash)> rows) => _rows = rows;

    public int Count => _rows.Count;

    public bool TryFind(VehicleRecord vehicle, out long id, out long hash)
    {
        var found = _rows.TryGetValue((vehicle.Plate.Value, (int)vehicle.Colour), out var row);
        (id, hash) = row;
        return found;
    }

    public static async Task<ExistingVehicles> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {RegistryTable.Name}";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

        // Sized up front: growing a dictionary of a million entries step by step costs more than the count.
        var rows = new Dictionary<(string, int), (long, long)>(count);
        command.CommandText = $"SELECT plate, plate_colour, id, content_hash FROM {RegistryTable.Name}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[(reader.GetString(0), reader.GetInt32(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        }
        return new ExistingVehicles(rows);
    }
}

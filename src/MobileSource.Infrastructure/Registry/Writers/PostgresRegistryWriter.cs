using Npgsql;
using NpgsqlTypes;

namespace MobileSource.Infrastructure.Registry.Writers;

/// <summary>
/// PostgreSQL: binary COPY straight into the table for new vehicles; changed vehicles are copied into a temporary
/// table and applied with one UPDATE ... FROM at the end. An advisory lock makes concurrent imports take turns,
/// so two of them cannot both insert the same new plate. The table is analysed before the commit: until autovacuum
/// got round to it (up to a minute), lookups by plate were planned for the table as it was before the import, and a
/// first import of 200,000 vehicles made every remote-sensing batch scan the whole registry.
/// </summary>
internal sealed class PostgresRegistryWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime updatedAtUtc) : IRegistryWriter
{
    /// <summary>Any fixed number; it names the "registry import" lock among the database's advisory locks.</summary>
    private const long ImportLockKey = 4106_0001;

    private const string UpdatesTable = "registry_import_updates";

    private bool _updatesStaged;
    private bool _inserted;

    public async Task BeginAsync(CancellationToken ct)
    {
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", ct);
    }

    public async Task InsertAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct)
    {
        await CopyAsync($"COPY {RegistryTable.Name} ({RegistryTable.ColumnList}) FROM STDIN (FORMAT BINARY)", batch, withId: false, ct);
        _inserted = true;
    }

    public async Task UpdateAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct)
    {
        if (!_updatesStaged)
        {
            await ExecuteAsync($"CREATE TEMPORARY TABLE {UpdatesTable} (LIKE {RegistryTable.Name}) ON COMMIT DROP", ct);
            _updatesStaged = true;
        }
        await CopyAsync($"COPY {UpdatesTable} (id, {RegistryTable.ColumnList}) FROM STDIN (FORMAT BINARY)", batch, withId: true, ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_updatesStaged)
        {
            var assignments = RegistryTable.Columns.Skip(2).Select(c => $"{c} = u.{c}");
            await ExecuteAsync(
                $"UPDATE {RegistryTable.Name} AS v SET {string.Join(", ", assignments)} FROM {UpdatesTable} AS u WHERE v.id = u.id", ct);
        }
        if (_inserted || _updatesStaged)
        {
            // Counts this transaction's own rows; the statistics take effect with the commit.
            await ExecuteAsync($"ANALYZE {RegistryTable.Name}", ct);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task CopyAsync(string copyCommand, IReadOnlyList<StagedVehicle> batch, bool withId, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(copyCommand, ct);
        foreach (var staged in batch)
        {
            var v = staged.Vehicle;
            await copy.StartRowAsync(ct);
            if (withId)
            {
                await copy.WriteAsync(staged.Id, NpgsqlDbType.Bigint, ct);
            }
            // The order of RegistryTable.Columns.
            await copy.WriteAsync(v.Plate.Value, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((int)v.Colour, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync((int)v.PlateType, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(copy, v.Vin, ct);
            await copy.WriteAsync(RegistryTable.FuelCode(v.Fuel), NpgsqlDbType.Varchar, ct);
            await WriteTextAsync(copy, RegistryTable.StageCode(v.Stage), ct);
            await WriteTextAsync(copy, v.Model, ct);
            await WriteTextAsync(copy, v.UseNature, ct);
            await WriteTextAsync(copy, v.VehicleClass, ct);
            if (v.FirstRegistered is { } date)
            {
                await copy.WriteAsync(date, NpgsqlDbType.Date, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }
            await WriteTextAsync(copy, v.Owner, ct);
            await WriteTextAsync(copy, v.FleetOperator, ct);
            await copy.WriteAsync(v.IsKeyFleet, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(v.ObdConnected, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(staged.ContentHash, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(updatedAtUtc, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(text, NpgsqlDbType.Varchar, ct);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

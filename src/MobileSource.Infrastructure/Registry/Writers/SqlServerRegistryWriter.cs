using System.Data;
using Microsoft.Data.SqlClient;

namespace MobileSource.Infrastructure.Registry.Writers;

/// <summary>
/// SQL Server: SqlBulkCopy for new vehicles; changed vehicles are bulk-copied into a #temp table and applied with one
/// UPDATE ... FROM at the end. UNTESTED: no SQL Server runs on this machine; kept deliberately plain.
/// </summary>
internal sealed class SqlServerRegistryWriter(SqlConnection connection, SqlTransaction transaction, DateTime updatedAtUtc) : IRegistryWriter
{
    private const string UpdatesTable = "#registry_import_updates";

    private bool _updatesStaged;

    public Task BeginAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task InsertAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct)
    {
        using var table = ToTable(batch, withId: false);
        await BulkCopyAsync(RegistryTable.Name, table, SqlBulkCopyOptions.Default, ct);
    }

    public async Task UpdateAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct)
    {
        if (!_updatesStaged)
        {
            // SELECT INTO copies the column types (and the identity property of id, hence KeepIdentity below).
            await ExecuteAsync($"SELECT TOP 0 * INTO {UpdatesTable} FROM {RegistryTable.Name}", ct);
            _updatesStaged = true;
        }
        using var table = ToTable(batch, withId: true);
        await BulkCopyAsync(UpdatesTable, table, SqlBulkCopyOptions.KeepIdentity, ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (!_updatesStaged)
        {
            return;
        }
        var assignments = RegistryTable.Columns.Skip(2).Select(c => $"v.{c} = u.{c}");
        await ExecuteAsync(
            $"UPDATE v SET {string.Join(", ", assignments)} FROM {RegistryTable.Name} AS v JOIN {UpdatesTable} AS u ON u.id = v.id; DROP TABLE {UpdatesTable};", ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DataTable ToTable(IReadOnlyList<StagedVehicle> batch, bool withId)
    {
        var table = new DataTable();
        if (withId)
        {
            table.Columns.Add("id", typeof(long));
        }
        Type[] types =
        [
            typeof(string), typeof(int), typeof(int), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string),
            typeof(string), typeof(DateTime), typeof(string), typeof(string), typeof(bool), typeof(bool), typeof(long), typeof(DateTime),
        ];
        for (var i = 0; i < RegistryTable.Columns.Length; i++)
        {
            table.Columns.Add(RegistryTable.Columns[i], types[i]);
        }

        var values = new object[RegistryTable.Columns.Length];
        foreach (var staged in batch)
        {
            RegistryTable.Fill(values, staged, updatedAtUtc);
            if (values[9] is DateOnly date)
            {
                values[9] = date.ToDateTime(TimeOnly.MinValue); // DataTable and bulk copy know DateTime, not DateOnly
            }
            object[] row = withId ? [staged.Id, .. values] : values;
            table.Rows.Add(row);
        }
        return table;
    }

    private async Task BulkCopyAsync(string destination, DataTable table, SqlBulkCopyOptions options, CancellationToken ct)
    {
        using var bulk = new SqlBulkCopy(connection, options, transaction) { DestinationTableName = destination, BulkCopyTimeout = 0 };
        foreach (DataColumn column in table.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }
        await bulk.WriteToServerAsync(table, ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}

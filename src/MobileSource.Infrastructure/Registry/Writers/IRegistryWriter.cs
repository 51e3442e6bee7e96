using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MobileSource.Infrastructure.Registry.Writers;

/// <summary>Writes classified vehicles in bulk, inside the importer's transaction, the fastest way its database allows.</summary>
internal interface IRegistryWriter : IAsyncDisposable
{
    /// <summary>Called once, before the existing rows are read.</summary>
    Task BeginAsync(CancellationToken ct);

    Task InsertAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct);

    /// <summary>Updates the rows by id; a writer may stage them and apply them in <see cref="CompleteAsync"/>.</summary>
    Task UpdateAsync(IReadOnlyList<StagedVehicle> batch, CancellationToken ct);

    /// <summary>Called once, after the last batch and before the commit.</summary>
    Task CompleteAsync(CancellationToken ct);
}

internal static class RegistryWriters
{
    public static IRegistryWriter For(DbConnection connection, DbTransaction transaction, DateTime updatedAtUtc) => connection switch
    {
        SqliteConnection sqlite => new SqliteRegistryWriter(sqlite, (SqliteTransaction)transaction, updatedAtUtc),
        NpgsqlConnection npgsql => new PostgresRegistryWriter(npgsql, (NpgsqlTransaction)transaction, updatedAtUtc),
        SqlConnection sqlServer => new SqlServerRegistryWriter(sqlServer, (SqlTransaction)transaction, updatedAtUtc),
        _ => throw new NotSupportedException(
            $"The registry import supports SQLite, PostgreSQL and SQL Server connections, not {connection.GetType().Name}."),
    };
}

using Npgsql;

namespace MobileSource.Tests.Shared;

/// <summary>Test databases on the PostgreSQL server CI runs.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Drops <paramref name="name"/>, ending the sessions still on it. WITH (FORCE) refuses (42501) while an autovacuum
    /// worker, which a test's many writes can start, is on the database: the test role may not end it. The worker is
    /// done within moments, so the drop is tried again for a few seconds.
    /// </summary>
    public static async Task DropAsync(string serverConnection, string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(serverConnection);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}

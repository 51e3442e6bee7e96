using System.Data.Common;
using MobileSource.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MobileSource.Benchmarks;

/// <summary>A fresh database with the migrations applied, removed afterwards unless kept.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=mobilesource;Password=mobilesource;Database=mobilesource";

    public abstract string Description { get; }

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>An open connection set up as the server sets up its own.</summary>
    public abstract Task<DbConnection> OpenAsync();

    public async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM registered_vehicles";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public abstract ValueTask DisposeAsync();

    protected async Task MigrateAsync()
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, Provider, ConnectionString);
        await using var db = new MobileSourceDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? connection, bool keep)
    {
        BenchDatabase database = provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteBench(connection, keep),
            "postgresql" or "postgres" => await PostgresBench.CreateAsync(
                connection ?? Environment.GetEnvironmentVariable("MOBILESOURCE_TEST_POSTGRES") ?? DefaultPostgres, keep),
            _ => throw new ArgumentException($"--provider must be sqlite or postgresql, not '{provider}'"),
        };
        await database.MigrateAsync();
        return database;
    }

    private sealed class SqliteBench(string? connection, bool keep) : BenchDatabase
    {
        private readonly string _path = connection is null
            ? Path.Combine(Path.GetTempPath(), $"registry-bench-{Guid.NewGuid():N}.db")
            : new SqliteConnectionStringBuilder(connection).DataSource;

        public override string Description => $"SQLite file {_path} (WAL, synchronous=NORMAL)";

        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string ConnectionString => connection ?? $"Data Source={_path}";

        public override async Task<DbConnection> OpenAsync()
        {
            var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            SqlitePragmas.Apply(sqlite);
            return sqlite;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(_path + suffix);
                }
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresBench(string server, string name, bool keep) : BenchDatabase
    {
        public override string Description => $"PostgreSQL database {name} on {new NpgsqlConnectionStringBuilder(server).Host}{(keep ? " (kept)" : " (dropped afterwards)")}";

        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        protected override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

        public static async Task<PostgresBench> CreateAsync(string server, bool keep)
        {
            var name = $"registry_bench_{Guid.NewGuid():N}"[..28];
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
            return new PostgresBench(server, name, keep);
        }

        public override async Task<DbConnection> OpenAsync()
        {
            var npgsql = new NpgsqlConnection(ConnectionString);
            await npgsql.OpenAsync();
            return npgsql;
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }

        private static async Task ExecuteAsync(string server, string sql)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

using System.Data.Common;
using MobileSource.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>A throwaway database with the lead's migrations applied, for importer tests.</summary>
public abstract class RegistryTestDatabase : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public abstract DbConnection NewConnection();

    public MobileSourceDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, Provider, ConnectionString);
        return new MobileSourceDbContext(options.Options);
    }

    public virtual async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public abstract Task DisposeAsync();

    /// <summary>Test fixture only: makes the database refuse to store <paramref name="plate"/>, to fail an import midway.</summary>
    public abstract Task RefusePlateAsync(string plate);

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteRegistryDatabase : RegistryTestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"registry-test-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_path};Pooling=False";

    public override DbConnection NewConnection() => new SqliteConnection(ConnectionString);

    public override Task RefusePlateAsync(string plate) => ExecuteAsync($"""
        CREATE TRIGGER refuse_plate BEFORE INSERT ON registered_vehicles WHEN NEW.plate = '{plate}'
        BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
        """);

    public override Task DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Creates its own database next to the one MOBILESOURCE_TEST_POSTGRES names, and drops it afterwards.</summary>
public sealed class PostgresRegistryDatabase : RegistryTestDatabase
{
    public const string Variable = "MOBILESOURCE_TEST_POSTGRES";

    private readonly string _name = $"registry_test_{Guid.NewGuid():N}";

    public static string? ServerConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _name }.ConnectionString;

    public override DbConnection NewConnection() => new NpgsqlConnection(ConnectionString);

    public override Task RefusePlateAsync(string plate) => ExecuteAsync($"""
        CREATE FUNCTION refuse_plate() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN IF NEW.plate = '{plate}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_plate BEFORE INSERT ON registered_vehicles FOR EACH ROW EXECUTE FUNCTION refuse_plate();
        """);

    public override async Task InitializeAsync()
    {
        if (ServerConnection is null)
        {
            return; // every test is skipped
        }
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_name}\"");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (ServerConnection is null)
        {
            return;
        }
        await MobileSource.Tests.Shared.PostgresDatabases.DropAsync(ServerConnection, _name);
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Runs only where PostgreSQL is configured: CI always sets the variable.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresRegistryDatabase.ServerConnection is null)
        {
            Skip = $"PostgreSQL not configured: set {PostgresRegistryDatabase.Variable} (scripts/start-services.sh starts the server; .ci/run sets it).";
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.Infrastructure.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionStringName = "MobileSource";
    public const string DefaultSqliteConnection = "Data Source=data/mobilesource.db";

    /// <summary>Reads <c>Database:Provider</c> (default Sqlite) and <c>ConnectionStrings:MobileSource</c>.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) ReadDatabaseSettings(IConfiguration configuration)
    {
        var raw = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(raw) && !Enum.TryParse(raw, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{raw}' is not supported; use Sqlite, PostgreSql or SqlServer.");
        }
        var connection = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is required when Database:Provider is {provider}.");
            }
            connection = DefaultSqliteConnection;
        }
        return (provider, connection);
    }

    public static IServiceCollection AddMobileSourcePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connection) = ReadDatabaseSettings(configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connection);
        }
        services.AddSingleton(new DatabaseSettings(provider, connection));
        services.AddDbContext<MobileSourceDbContext>((sp, options) =>
        {
            Configure(options, provider, connection);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connection)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connection, o => o.MigrationsAssembly("MobileSource.Migrations.Sqlite"));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                // Retries transient failures, such as the pooled connections a server restart left broken.
                options.UseNpgsql(connection, o => o
                    .MigrationsAssembly("MobileSource.Migrations.PostgreSql")
                    .EnableRetryOnFailure(maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connection, o => o.MigrationsAssembly("MobileSource.Migrations.SqlServer"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    private static void EnsureSqliteDirectory(string connection)
    {
        var dataSource = new SqliteConnectionStringBuilder(connection).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MobileSource.Infrastructure.Tests.Persistence;

/// <summary>
/// Every provider's migrations match the model, so a model change without scripts/add-migration.sh fails here.
/// SQL Server cannot run on this machine: its migrations are only generated and checked, never applied.
/// </summary>
public sealed class MigrationsAreCurrentTests
{
    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=:memory:" },
        { DatabaseProvider.PostgreSql, "Host=localhost;Database=never_opened" },
        { DatabaseProvider.SqlServer, "Server=localhost;Database=never_opened;TrustServerCertificate=true" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider, string connection)
    {
        using var db = Create(provider, connection);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run scripts/add-migration.sh <Name>.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_script_creates_every_table(DatabaseProvider provider, string connection)
    {
        using var db = Create(provider, connection);
        var script = db.GetService<IMigrator>().GenerateScript();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct())
        {
            Assert.Contains(table!, script);
        }
    }

    [Fact]
    public void On_sql_server_the_keys_devices_make_compare_by_code_point_as_the_intake_does()
    {
        // Its default collation is case-insensitive: records r1 and R1 of one site would be one key to its unique index.
        using var db = Create(DatabaseProvider.SqlServer, "Server=localhost;Database=never_opened;TrustServerCertificate=true");
        var script = db.GetService<IMigrator>().GenerateScript();
        foreach (var (table, column) in new[]
                 {
                     ("remote_sensing_readings", "site_no"), ("remote_sensing_readings", "record_no"), ("plate_reviews", "record_no"),
                     ("remote_sensing_sites", "site_no"), ("remote_sensing_lines", "line_no"), ("violations", "source_key"),
                 })
        {
            var property = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().Single(e => e.GetTableName() == table).GetProperties().Single(p => p.GetColumnName() == column);
            Assert.Equal("Latin1_General_100_BIN2", property.GetCollation());
        }
        Assert.Contains("[record_no] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL", script);

        using var sqlite = Create(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.DoesNotContain("Latin1_General", sqlite.GetService<IMigrator>().GenerateScript());
    }

    private static MobileSourceDbContext Create(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, provider, connection);
        return new MobileSourceDbContext(options.Options);
    }
}

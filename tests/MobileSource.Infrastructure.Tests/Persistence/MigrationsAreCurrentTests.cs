using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    private static MobileSourceDbContext Create(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, provider, connection);
        return new MobileSourceDbContext(options.Options);
    }
}

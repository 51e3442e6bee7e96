using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MobileSource.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model for this provider without a running server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MobileSourceDbContext>
{
    public MobileSourceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, DatabaseProvider.PostgreSql, DesignTimeConnection);
        return new MobileSourceDbContext(options.Options);
    }

    public const string DesignTimeConnection = "Host=localhost;Database=mobilesource_design;Username=design;Password=design";
}

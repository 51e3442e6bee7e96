using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MobileSource.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for this provider without a running server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MobileSourceDbContext>
{
    public MobileSourceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, DatabaseProvider.SqlServer, DesignTimeConnection);
        return new MobileSourceDbContext(options.Options);
    }

    public const string DesignTimeConnection = "Server=localhost;Database=mobilesource_design;User Id=design;Password=design;TrustServerCertificate=true";
}

using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Security;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Startup;

public static class DatabasePreparation
{
    /// <summary>
    /// Applies the provider's migrations, makes sure the bootstrap admin key exists, and, when asked,
    /// loads the demo registry and readings from seeds/ into an empty database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        await db.Database.MigrateAsync(ct);

        var bootstrapKey = configuration["Auth:BootstrapApiKey"];
        if (!string.IsNullOrWhiteSpace(bootstrapKey))
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().EnsureBootstrapKeyAsync(bootstrapKey.Trim(), ct);
        }

        var accounts = configuration.GetSection("Accounts").Get<AccountOptions>();
        if (!string.IsNullOrWhiteSpace(accounts?.BootstrapAdminUserName) && !string.IsNullOrEmpty(accounts.BootstrapAdminPassword))
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .EnsureBootstrapAdminAsync(accounts.BootstrapAdminUserName.Trim(), accounts.BootstrapAdminPassword, ct);
        }

        if (configuration.GetValue<bool>("Seed:Demo") && !await db.Vehicles.AnyAsync(ct))
        {
            await DemoSeed.LoadAsync(scope.ServiceProvider, configuration, ct);
        }
    }
}

using System.Text.Json;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Security;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Api;

namespace MobileSource.Server.Startup;

/// <summary>
/// Fills a fresh embedded server with the demo registry and a few device readings from seeds/, so that a new
/// user sees a listed truck, a police alert and vehicles to look up on first start.
/// </summary>
public static class DemoSeed
{
    public static async Task LoadAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DemoSeed));

        var registryFile = Find(configuration["Seed:DemoRegistryFile"] ?? "seeds/demo-registry.csv");
        if (registryFile is null)
        {
            logger.LogWarning("Demo registry not found; the registry stays empty");
            return;
        }
        await using (var file = File.OpenRead(registryFile))
        {
            var outcome = await services.GetRequiredService<RegistryImportRunner>().ImportAsync(file, "seed", null, ct);
            if (outcome.FileError is { } error)
            {
                throw new InvalidOperationException($"{registryFile}: {error.Field}: {error.Reason}");
            }
            logger.LogInformation("Demo registry loaded from {File}: {Inserted} vehicles", registryFile, outcome.Result!.Inserted);
        }

        var sitesFile = Find(configuration["Seed:DemoSitesFile"] ?? "seeds/demo-sites.json");
        if (sitesFile is not null)
        {
            var sites = JsonSerializer.Deserialize<Dictionary<string, SiteRegistration>>(await File.ReadAllBytesAsync(sitesFile, ct), ContractTypes.Json)!;
            var registry = services.GetRequiredService<SensingSites>();
            foreach (var (siteNo, registration) in sites)
            {
                var (errors, _) = await registry.PutAsync(siteNo, registration, "seed", null, ct);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"{sitesFile}: site {siteNo}: {errors[0].Field}: {errors[0].Message}");
                }
            }
            logger.LogInformation("Demo sites loaded from {File}: {Count} sites", sitesFile, sites.Count);
        }

        var readingsFile = Find(configuration["Seed:DemoReadingsFile"] ?? "seeds/demo-readings.json");
        if (readingsFile is not null)
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(readingsFile, ct));
            var results = await services.GetRequiredService<ReadingIntake>().TakeAsync(json.RootElement.EnumerateArray().ToList(), "seed", ct);
            logger.LogInformation("Demo readings loaded from {File}: {Accepted} accepted", readingsFile, results.Count(r => r.Status == IntakeStatus.Accepted));
        }

        // One person of each role to sign in as: police.demo, operator.demo, ... (demo only: the password is public).
        var password = configuration["Seed:DemoPassword"] ?? "demo-password-2026";
        var accounts = services.GetRequiredService<AccountAdministration>();
        foreach (var role in Roles.People)
        {
            var (_, errors) = await accounts.CreateAsync(new NewAccount($"{role}.demo", $"演示 {role}", role, password), "seed", null, ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"demo account {role}.demo: {errors[0].Field}: {errors[0].Message}");
            }
        }
        logger.LogInformation("Demo accounts: {Accounts}, password from Seed:DemoPassword", string.Join(", ", Roles.People.Select(r => $"{r}.demo")));
    }

    private static string? Find(string relative) =>
        new[] { Path.GetFullPath(relative), Path.Combine(AppContext.BaseDirectory, relative) }.FirstOrDefault(File.Exists);
}

using MobileSource.Server.Api;

namespace MobileSource.Server.Startup;

public static class RegistrySetup
{
    public static IServiceCollection AddMobileSourceRegistry(this IServiceCollection services) =>
        services.AddScoped<RegistryImportRunner>();
}

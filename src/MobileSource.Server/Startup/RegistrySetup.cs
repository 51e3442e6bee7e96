namespace MobileSource.Server.Startup;

public static class RegistrySetup
{
    public static IServiceCollection AddMobileSourceRegistry(this IServiceCollection services) => services;
}

public static class DemoRegistrySeed
{
    public static Task LoadAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct) => Task.CompletedTask;
}

using MobileSource.Cameras.Captures;
using MobileSource.Cameras.Streams;
using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Limits;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Bureau;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Roadside;
using MobileSource.Infrastructure.Security;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Infrastructure.Stations;
using MobileSource.Server.Auth;
using MobileSource.Server.Streaming;
using Microsoft.AspNetCore.Authentication;

namespace MobileSource.Server.Startup;

public static class ServiceRegistration
{
    public static IServiceCollection AddMobileSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMobileSourcePersistence(configuration);
        services.AddMobileSourceBus(configuration);

        services.AddOptions<EmissionLimits>().Bind(configuration.GetSection("Limits"))
            .Validate(l => { l.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<BlacklistPolicy>().Bind(configuration.GetSection("Blacklist"));
        services.AddOptions<SensingOptions>().Bind(configuration.GetSection("Sensing"));

        services.AddSingleton<AlertSignal>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection("Alerts"));
        services.AddScoped<ReadingIntake>();
        services.AddScoped<SensingSites>();
        services.AddScoped<PlateReviews>();
        services.AddScoped<ScreeningReports>();
        services.AddSingleton<IntakeStats>();
        services.AddOptions<IntakeQueueOptions>().Bind(configuration.GetSection("Sensing:Intake"));
        services.AddSingleton<IntakeQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeQueue>());
        services.AddOptions<ReadingLineOptions>().Bind(configuration.GetSection("Sensing:Tcp"));
        services.AddSingleton<ReadingLineListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadingLineListener>());
        services.AddScoped<RepairService>();
        services.AddScoped<InspectionService>();
        services.AddScoped<RoadsideChecks>();
        services.AddScoped<BureauDashboard>();
        services.AddScoped<ApiKeyStore>();
        services.AddMobileSourceRegistry();
        services.AddHostedService<OverdueCaseSweeper>();
        services.AddCaptures(configuration);
        services.AddCameraStreams(configuration);

        services.AddAccounts(configuration);
        var authentication = services.AddAuthentication(AccountSetup.CallerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        authentication.AddSessionCookie(configuration);
        services.AddAuthorization(Policies.Add);
        return services;
    }
}

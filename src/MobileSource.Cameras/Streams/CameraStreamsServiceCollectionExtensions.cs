using MobileSource.Cameras.Captures;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MobileSource.Cameras.Streams;

public static class CameraStreamsServiceCollectionExtensions
{
    /// <summary>
    /// The camera host: cameras from <c>Cameras</c> (a list), host settings from <c>CameraHost</c>. The analyzer
    /// factory defaults to <see cref="StreamAnalyzerFactory"/>; the capture sink is the captures module's when
    /// registered, otherwise captures are only logged.
    /// </summary>
    public static IServiceCollection AddCameraStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<List<CameraOptions>>().Bind(configuration.GetSection("Cameras"));
        services.AddOptions<CameraHostOptions>().Bind(configuration.GetSection("CameraHost"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StreamAnalyzerFactory>();
        services.TryAddSingleton<Func<CameraOptions, IStreamAnalyzer>>(sp => sp.GetRequiredService<StreamAnalyzerFactory>().Create);
        services.TryAddSingleton<ICaptureSink, LoggingCaptureSink>();
        services.AddSingleton<ClipCutter>();
        services.AddSingleton(sp => new EvidenceStager(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CameraHostOptions>>().Value,
            sp.GetRequiredService<ClipCutter>()));
        services.AddSingleton<CameraRegistry>();
        services.AddSingleton<Setup.CameraAdministration>();
        services.AddSingleton<ICameraCatalog>(sp => sp.GetRequiredService<Setup.CameraAdministration>());
        services.AddHostedService<CameraSupervisor>();
        return services;
    }
}

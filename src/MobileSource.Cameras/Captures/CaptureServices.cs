using MobileSource.Cameras.Anpr;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.Cameras.Captures;

public static class CaptureServices
{
    /// <summary>The capture sink, evidence store, review, ANPR intake and the retention sweeper.</summary>
    public static IServiceCollection AddCaptures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaptureOptions>().Bind(configuration.GetSection(CaptureOptions.SectionName))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.SectionName))
            .PostConfigure(o => o.Root = string.IsNullOrWhiteSpace(o.Root) ? DefaultRoot(configuration) : o.Root);
        services.AddOptions<AnprOptions>().Bind(configuration.GetSection(AnprOptions.SectionName))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();

        services.AddSingleton<EvidenceStore>();
        services.AddScoped<CaptureRecorder>();
        services.AddSingleton<ICaptureSink, ScopedCaptureSink>();
        services.AddScoped<CaptureReview>();
        services.AddScoped<CaptureRetention>();
        services.AddScoped<AnprIntake>();
        services.AddHostedService<RetentionSweeper>();
        return services;
    }

    /// <summary>Evidence lives next to the data: beside the SQLite file when there is one, else in data/.</summary>
    private static string DefaultRoot(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connection = configuration.GetConnectionString("MobileSource");
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(connection))
        {
            var dataSource = new SqliteConnectionStringBuilder(connection).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
            {
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource))!, "evidence");
            }
        }
        return Path.Combine("data", "evidence");
    }
}

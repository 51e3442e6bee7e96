using MassTransit;
using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MobileSource.CameraLoad;

/// <summary>
/// The server's capture path after the camera: <see cref="CaptureRecorder"/> on a SQLite file (evidence store,
/// capture row and CaptureRecorded outbox row in one transaction), the outbox dispatcher and a MassTransit bus
/// (in memory, or RabbitMQ when a URL is given) with a consumer that notes when each CaptureRecorded arrives.
/// </summary>
internal sealed class CaptureBus : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private CaptureBus(ServiceProvider services)
    {
        _services = services;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public ICaptureSink Sink => _services.GetRequiredService<ICaptureSink>();
    public ConsumedCaptures Consumed => _services.GetRequiredService<ConsumedCaptures>();

    /// <summary>Where the recorder put a capture's clip (for measuring its length after the hand-over).</summary>
    public string ClipPath(CaptureEvidence evidence) => _services.GetRequiredService<EvidenceStore>()
        .FullPath($"{EvidenceStore.CaptureFolder(evidence.CaptureId, evidence.CapturedAt.UtcDateTime)}/{EvidenceKinds.Clip}.mp4");

    public static async Task<CaptureBus> StartAsync(string work, Uri? rabbitMq)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:MobileSource"] = $"Data Source={Path.Combine(work, "camera-load.db")}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMobileSourcePersistence(configuration);
        services.AddOptions<CaptureOptions>();
        services.AddOptions<EvidenceOptions>().Configure(o => o.Root = Path.Combine(work, "evidence"));
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<CaptureRecorder>();
        services.AddSingleton<ICaptureSink, ScopedCaptureSink>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>());
        services.AddOptions<OutboxOptions>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<ConsumedCaptures>();
        services.AddMassTransit(x =>
        {
            x.AddConsumer<CaptureRecordedProbe>();
            if (rabbitMq is not null)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbitMq);
                    cfg.ReceiveEndpoint("camera-load-capture-recorded", e => e.ConfigureConsumer<CaptureRecordedProbe>(context));
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                    cfg.ReceiveEndpoint("camera-load-capture-recorded", e => e.ConfigureConsumer<CaptureRecordedProbe>(context)));
            }
        });

        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>().Database.EnsureCreatedAsync();
        }
        var bus = new CaptureBus(provider);
        foreach (var hosted in bus._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return bus;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_hosted))
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await _services.DisposeAsync();
    }
}

using MassTransit;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Enforcement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.Infrastructure.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

public static class BusSetup
{
    public const string EnforcementQueue = "mobilesource-enforcement";
    public const string AlertsQueue = "mobilesource-police-alerts";

    /// <summary>Reads <c>Bus:Transport</c> (InMemory by default) and <c>ConnectionStrings:RabbitMq</c>.</summary>
    public static (BusTransport Transport, Uri? RabbitMq) ReadBusSettings(IConfiguration configuration)
    {
        var raw = configuration["Bus:Transport"];
        var transport = BusTransport.InMemory;
        if (!string.IsNullOrWhiteSpace(raw) && !Enum.TryParse(raw, ignoreCase: true, out transport))
        {
            throw new InvalidOperationException($"Bus:Transport '{raw}' is not supported; use InMemory or RabbitMq.");
        }
        if (transport == BusTransport.InMemory)
        {
            return (transport, null);
        }
        var connection = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(connection) || !Uri.TryCreate(connection, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:RabbitMq must be an amqp:// URI (amqp://user:password@host:5672/vhost) when Bus:Transport is RabbitMq.");
        }
        return (transport, uri);
    }

    public static IServiceCollection AddMobileSourceBus(this IServiceCollection services, IConfiguration configuration)
    {
        var (transport, rabbitUri) = ReadBusSettings(configuration);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>());
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"));
        services.AddHostedService<OutboxDispatcher>();

        services.AddMassTransit(x =>
        {
            x.AddConsumer<ReadingJudgedConsumer>();
            x.AddConsumer<ViolationRecordedConsumer>();
            x.AddConsumer<CaptureConfirmedConsumer>();
            x.AddConsumer<PoliceAlertConsumer>();

            if (transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbitUri!);
                    ConfigureEndpoints(context, cfg);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg));
            }
        });
        return services;
    }

    private static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg)
    {
        cfg.ReceiveEndpoint(EnforcementQueue, e =>
        {
            // One message at a time per process: the over-limit rule and the one-open-case-per-reason rule
            // read then write a vehicle's history, and two readings of one truck must not race.
            e.ConcurrentMessageLimit = 1;
            e.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
            e.ConfigureConsumer<ReadingJudgedConsumer>(context);
            e.ConfigureConsumer<ViolationRecordedConsumer>(context);
            e.ConfigureConsumer<CaptureConfirmedConsumer>(context);
        });
        cfg.ReceiveEndpoint(AlertsQueue, e =>
        {
            e.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
            e.ConfigureConsumer<PoliceAlertConsumer>(context);
        });
    }
}

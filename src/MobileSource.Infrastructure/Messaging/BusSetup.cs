using MassTransit;
using MobileSource.Contracts;
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
    public const string ReadingsQueue = "mobilesource-remote-sensing";
    public const int EnforcementPartitions = 8;

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

    /// <summary>
    /// Immediate retries before a message goes to the error queue (about 8 s in all). Kept short on purpose: a
    /// retrying message holds its plate's partition, and with two minutes of retries CI saw a plate's messages
    /// held back for over two minutes after a broker outage; with these it did not. A longer database outage
    /// parks messages in the error queue, from where they are moved back (see docs/architecture.md).
    /// </summary>
    public static readonly TimeSpan[] DefaultRetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public static IServiceCollection AddMobileSourceBus(this IServiceCollection services, IConfiguration configuration)
    {
        var (transport, rabbitUri) = ReadBusSettings(configuration);
        var retry = configuration.GetSection("Bus:RetryIntervals").Get<TimeSpan[]>() is { Length: > 0 } configured
            ? configured
            : DefaultRetryIntervals;
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>());
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"));
        services.AddHostedService<OutboxDispatcher>();
        if (transport == BusTransport.RabbitMq)
        {
            services.AddHostedService<BusWatchdog>();
        }

        services.AddMassTransit(x =>
        {
            x.AddConsumer<ReadingsJudgedConsumer>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(ReadingsJudgedConsumer.MaxBatch)
                .SetTimeLimit(TimeSpan.FromMilliseconds(20))
                .SetConcurrencyLimit(1)));
            x.AddConsumer<ViolationRecordedConsumer>();
            x.AddConsumer<CaptureConfirmedConsumer>();
            x.AddConsumer<PoliceAlertConsumer>();

            if (transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbitUri!);
                    ConfigureEndpoints(context, cfg, retry);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, retry));
            }
        });
        return services;
    }

    private static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg, TimeSpan[] retry)
    {
        cfg.ReceiveEndpoint(EnforcementQueue, e =>
        {
            // The over-limit rule and "one open case per reason" read, then write, one vehicle's history, so
            // messages about the same plate run one at a time (partitioned by plate) while other plates go on.
            // The partition is taken before the retry, so a retrying message keeps its plate's turn.
            e.ConcurrentMessageLimit = EnforcementPartitions;
            var byPlate = e.CreatePartitioner(EnforcementPartitions);
            e.UsePartitioner<ViolationRecorded>(byPlate, c => PlateKey(c.Message.Plate));
            e.UsePartitioner<CaptureConfirmed>(byPlate, c => PlateKey(c.Message.Plate));
            e.UseMessageRetry(r => Retry(r, retry));
            e.ConfigureConsumer<ViolationRecordedConsumer>(context);
            e.ConfigureConsumer<CaptureConfirmedConsumer>(context);
        });
        cfg.ReceiveEndpoint(ReadingsQueue, e =>
        {
            // Readings come by the thousand a second: taken in batches, one batch at a time (the over-limit rule
            // reads, then writes, a vehicle's history, so two batches must not race on a plate).
            e.PrefetchCount = 2 * ReadingsJudgedConsumer.MaxBatch;
            e.ConcurrentMessageLimit = ReadingsJudgedConsumer.MaxBatch;
            e.ConfigureConsumer<ReadingsJudgedConsumer>(context, c => c.UseMessageRetry(r => Retry(r, retry)));
        });
        cfg.ReceiveEndpoint(AlertsQueue, e =>
        {
            // One writer: the alert stream reads "id greater than the last sent", and ids committed out of
            // order by concurrent writers (PostgreSQL sequences) would be skipped.
            e.ConcurrentMessageLimit = 1;
            e.UseMessageRetry(r => Retry(r, retry));
            e.ConfigureConsumer<PoliceAlertConsumer>(context);
        });
    }

    /// <summary>A delivery cancelled because its connection or the bus is stopping is not retried: it is redelivered.</summary>
    private static void Retry(IRetryConfigurator retry, TimeSpan[] intervals)
    {
        retry.Intervals(intervals);
        retry.Ignore<OperationCanceledException>();
    }

    /// <summary>The partitioner keys by Guid; a plate maps to one stably.</summary>
    private static Guid PlateKey(string? plate) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(plate ?? "")));
}

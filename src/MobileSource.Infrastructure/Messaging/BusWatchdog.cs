using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MobileSource.Infrastructure.Messaging;

/// <summary>
/// Restarts the bus when its receive endpoints stay unhealthy after a broker outage. MassTransit's RabbitMQ
/// transport usually reconnects by itself, but when the connection dies while a message is being acknowledged
/// an endpoint can stay down for good (MassTransit issues 2072 and 5692); a listing would then never reach the
/// police. A restart reconnects every endpoint; unacknowledged messages are redelivered and consumers are
/// idempotent.
/// </summary>
public sealed class BusWatchdog(IBusControl bus, TimeProvider clock, ILogger<BusWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? unhealthySince = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckEvery, clock, stoppingToken);
                var health = bus.CheckHealth();
                if (health.Status == BusHealthStatus.Healthy)
                {
                    unhealthySince = null;
                    continue;
                }
                var now = clock.GetUtcNow();
                unhealthySince ??= now;
                if (now - unhealthySince < RestartAfter)
                {
                    continue;
                }
                logger.LogWarning("Bus {Status} for {Seconds:0} s ({Description}); restarting it",
                    health.Status, (now - unhealthySince.Value).TotalSeconds, health.Description);
                await bus.StopAsync(stoppingToken);
                await bus.StartAsync(stoppingToken);
                unhealthySince = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Bus restart failed; trying again");
            }
        }
    }
}

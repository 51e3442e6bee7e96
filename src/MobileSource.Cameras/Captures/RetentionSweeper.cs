using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Captures;

/// <summary>Runs <see cref="CaptureRetention"/> every Captures:Retention:SweepInterval.</summary>
public sealed class RetentionSweeper(
    IServiceScopeFactory scopes, IOptions<CaptureOptions> options, TimeProvider clock, ILogger<RetentionSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaptureRetention>().SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next round tries again; files deleted before a failed save are found missing and marked then.
                log.LogError(ex, "Retention sweep failed");
            }
            try
            {
                await Task.Delay(options.Value.Retention.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>Moves cases past their repair deadline to Overdue (then public listing and penalties apply).</summary>
public sealed class OverdueCaseSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OverdueCaseSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changed = await SweepAsync(stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("{Count} enforcement cases became overdue", changed);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Overdue sweep failed");
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Cases
            .Where(c => (c.State == CaseState.Listed || c.State == CaseState.Notified) && c.Deadline < now)
            .ToListAsync(ct);
        var changed = due.Count(c => c.MarkOverdueIfPastDeadline(now, "system"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A repair or re-test changed one of these cases meanwhile; theirs stands, the next sweep looks again.
            logger.LogInformation("Overdue sweep skipped: a case changed while it ran");
            return 0;
        }
        return changed;
    }
}

using System.Text.Json;
using MassTransit;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Messaging;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);
    public int BatchSize { get; set; } = 500;
    public TimeSpan KeepDispatchedFor { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Publishes committed outbox rows, started in id order, and marks them dispatched. A row stays until the broker
/// took it, so a broker outage only delays messages. A message may be published twice (crash between
/// publish and mark): consumers are idempotent by MessageId.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private DateTime _nextCleanupUtc = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (sent < options.Value.BatchSize)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero
                    ? TimeSpan.FromMilliseconds(250)
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxBackoff.Ticks));
                logger.LogWarning(ex, "Outbox dispatch failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends one batch; returns how many messages were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var batch = await db.Outbox
            .Where(m => m.DispatchedAtUtc == null && m.ParkedAtUtc == null)
            .OrderBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);

        // Every row's publish is started in id order, then all are awaited: messages to one exchange leave on one channel
        // in that order, and the broker's confirms come back together instead of one round trip a message (which held
        // RabbitMQ publishing to about a thousand messages a second). A row whose publish failed stays undispatched.
        var publishes = new List<(Persistence.Entities.OutboxMessage Row, Task Publish)>(batch.Count);
        foreach (var row in batch)
        {
            if (TryRead(row, out var type, out var message))
            {
                publishes.Add((row, PublishAsync(row, type, message, ct)));
            }
        }
        var sent = 0;
        Exception? failure = null;
        foreach (var (row, publish) in publishes)
        {
            try
            {
                await publish;
                row.DispatchedAtUtc = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception ex)
            {
                row.Attempts++;
                row.LastError = Truncate(ex.Message, 2000);
                failure ??= ex;
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (failure is not null)
        {
            throw failure;
        }

        await CleanupAsync(db, ct);
        return sent;
    }

    private async Task PublishAsync(Persistence.Entities.OutboxMessage row, Type type, object message, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.PublishTimeout);
        // WaitAsync as well as the token: a publish waiting on the transport's reconnect need not honour its token, and
        // one hung publish would hold back every message behind it. The row stays undispatched and is sent again;
        // consumers drop the duplicate by MessageId.
        await bus.Publish(message, type, ctx =>
            {
                ctx.MessageId = row.MessageId;
                ctx.Mandatory = ContractTypes.IsMandatory(type);
            }, timeout.Token)
            .WaitAsync(options.Value.PublishTimeout, ct);
    }

    /// <summary>A row that can never become a message is parked with the reason, so it cannot block the rows behind it.</summary>
    private bool TryRead(Persistence.Entities.OutboxMessage row, out Type type, out object message)
    {
        try
        {
            type = ContractTypes.Resolve(row.MessageType);
            message = JsonSerializer.Deserialize(row.Body, type, ContractTypes.Json)
                      ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException)
        {
            row.Attempts++;
            row.LastError = Truncate($"parked, cannot be sent: {ex.Message}", 2000);
            row.ParkedAtUtc = clock.GetUtcNow().UtcDateTime;
            logger.LogError(ex, "Outbox row {Id} ({Type}) parked: it cannot be turned into a message", row.Id, row.MessageType);
            type = typeof(object);
            message = new object();
            return false;
        }
    }

    private async Task CleanupAsync(MobileSourceDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextCleanupUtc)
        {
            return;
        }
        _nextCleanupUtc = now.AddHours(1);
        var cutoff = now - options.Value.KeepDispatchedFor;
        await db.Outbox.Where(m => m.DispatchedAtUtc != null && m.DispatchedAtUtc < cutoff).ExecuteDeleteAsync(ct);
        // An inbox row only has to outlive the redeliveries of its message, which end long before the outbox forgets it.
        await db.ProcessedMessages.Where(m => m.ProcessedAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Sensing;

public sealed class IntakeQueueOptions
{
    /// <summary>Records one transaction stores at most.</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>Records waiting to be stored before senders are held back (HTTP callers wait, TCP stops reading).</summary>
    public int Capacity { get; set; } = 20_000;

    /// <summary>
    /// Transactions storing side by side. 1 suits SQLite (one writer at a time anyway); on PostgreSQL a second writer
    /// prepares its batch while the first waits for its commit.
    /// </summary>
    public int Writers { get; set; } = 1;
}

/// <summary>The storage failed; nothing of the record is acknowledged, and the sender should send it again.</summary>
public sealed class IntakeUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Group commit for device records: HTTP batches and streamed lines from every connection wait here, and one writer
/// takes whatever has gathered (up to <see cref="IntakeQueueOptions.MaxBatch"/>) into one transaction. A device that
/// sends one record at a time thus costs a share of a transaction, not a whole one, and SQLite's single writer is
/// never fought over. Each record's task completes only once it is stored (or rejected, or found a duplicate).
/// </summary>
public sealed class IntakeQueue(IServiceScopeFactory scopes, IntakeStats stats, TimeProvider clock, IOptions<IntakeQueueOptions> options, ILogger<IntakeQueue> logger)
    : BackgroundService
{
    private sealed record Pending(IncomingRecord Record, TaskCompletionSource<IntakeResult> Done);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Value.Capacity)
    {
        SingleReader = options.Value.Writers == 1,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues one record; the returned task completes when it is stored or answered.</summary>
    /// <remarks>The caller keeps <paramref name="record"/>'s document alive until the task completes.</remarks>
    /// <param name="receivedAtUtc">When the record arrived (an HTTP request's start); now when not given.</param>
    public async ValueTask<Task<IntakeResult>> EnqueueAsync(JsonElement record, string receivedFrom, CancellationToken ct, DateTime? receivedAtUtc = null)
    {
        var pending = new Pending(new IncomingRecord(record, receivedFrom, receivedAtUtc ?? clock.GetUtcNow().UtcDateTime),
            new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException ex)
        {
            throw new IntakeUnavailableException("the server is stopping; send the record again", ex);
        }
        return pending.Done.Task;
    }

    /// <summary>Queues a batch and waits for all of it; results carry the batch's own indexes.</summary>
    public async Task<IReadOnlyList<IntakeResult>> TakeAsync(IReadOnlyList<JsonElement> records, string receivedFrom, DateTime receivedAtUtc, CancellationToken ct)
    {
        var tasks = new List<Task<IntakeResult>>(records.Count);
        try
        {
            foreach (var record in records)
            {
                tasks.Add(await EnqueueAsync(record, receivedFrom, ct, receivedAtUtc));
            }
        }
        catch
        {
            // The caller frees the records' document when this returns: let the queued ones be read first.
            await Task.WhenAll(tasks).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        var results = await Task.WhenAll(tasks);
        return results.Select((r, i) => r with { Index = i }).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Writers)).Select(_ => WriteAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Whatever is still queued was never stored: say so, so no sender takes it as acknowledged.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new IntakeUnavailableException("the server is stopping; send the record again", new OperationCanceledException()));
            }
        }
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.Value.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count > 0)
            {
                await StoreAsync(batch, stoppingToken);
            }
        }
    }

    private async Task StoreAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ReadingIntake>();
            // Not cancelled by the server stopping: a batch begun is committed or rolled back, and answered truly.
            var results = await intake.TakeAsync(batch.Select(p => p.Record).ToList(), CancellationToken.None);
            var done = clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < batch.Count; i++)
            {
                stats.Taken(results[i].Status, done - batch[i].Record.ReceivedAtUtc);
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            stats.Failed(batch.Count);
            if (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Storing {Count} device records failed; none of them is acknowledged", batch.Count);
            }
            var failure = new IntakeUnavailableException("the readings store is unavailable; nothing of this record was kept, send it again", ex);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(failure);
            }
        }
    }
}

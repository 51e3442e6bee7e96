using System.Diagnostics;
using System.Threading.Channels;

namespace MobileSource.HardwareSim.RemoteSensing;

public sealed record RsdRunOptions(double Rate, TimeSpan Duration, int Connections, int MaxBatch, TimeSpan DrainTimeout);

/// <summary>One record's journey: what was sent, when it was made, and the server's final answer.</summary>
public sealed class RsdDelivery(RsdRecord record, long madeAt)
{
    public RsdRecord Record { get; } = record;
    public long MadeAt { get; } = madeAt;
    public RsdAck? Ack { get; set; }
    public double LatencyMs { get; set; }
    public int Attempts { get; set; }
}

/// <summary>
/// Sends records at a steady rate for a while, as devices would: records are made on schedule whatever the server does
/// (so a slow server shows as latency, not as a lower offered rate), taken in batches by each connection, and sent again
/// after a failure until the server answers or the drain time is over. Latency runs from a record's making to its answer.
/// </summary>
public sealed class RsdRunner(RsdRecordFactory factory, Func<IRsdTransport> transports, RsdRunOptions options, TextWriter log)
{
    public async Task<(RsdReport Report, IReadOnlyList<RsdDelivery> Deliveries)> RunAsync(CancellationToken ct)
    {
        var queue = Channel.CreateUnbounded<RsdDelivery>(new UnboundedChannelOptions { SingleWriter = true });
        var all = new List<RsdDelivery>();
        var clock = Stopwatch.StartNew();
        var errors = new TransportErrors(log);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var workers = Enumerable.Range(0, options.Connections).Select(_ => Task.Run(() => WorkAsync(queue.Reader, clock, errors, drain.Token), ct)).ToList();
        var producedFor = await ProduceAsync(queue.Writer, all, clock, ct);
        queue.Writer.Complete();
        drain.CancelAfter(options.DrainTimeout);
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            log.WriteLine($"rsd: drain time {options.DrainTimeout.TotalSeconds:0} s over; records without an answer are counted as lost");
        }
        return (RsdReport.From(all, producedFor, clock.Elapsed, errors.Count), all);
    }

    private async Task<TimeSpan> ProduceAsync(ChannelWriter<RsdDelivery> queue, List<RsdDelivery> all, Stopwatch clock, CancellationToken ct)
    {
        long made = 0;
        while (clock.Elapsed < options.Duration && !ct.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * options.Rate);
            for (; made < due; made++)
            {
                var delivery = new RsdDelivery(factory.Next(), clock.ElapsedTicks);
                all.Add(delivery);
                queue.TryWrite(delivery);
            }
            await Task.Delay(2, ct);
        }
        return clock.Elapsed;
    }

    private async Task WorkAsync(ChannelReader<RsdDelivery> queue, Stopwatch clock, TransportErrors errors, CancellationToken ct)
    {
        await using var transport = transports();
        var batch = new List<RsdDelivery>(options.MaxBatch);
        while (await queue.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < options.MaxBatch && queue.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            var backoff = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                foreach (var d in batch)
                {
                    d.Attempts++;
                }
                try
                {
                    var acks = await transport.SendAsync(batch.Select(d => d.Record).ToList(), ct);
                    var now = clock.ElapsedTicks;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Ack = acks[i];
                        batch[i].LatencyMs = (now - batch[i].MadeAt) * 1000.0 / Stopwatch.Frequency;
                        if (acks[i].Status == "accepted")
                        {
                            factory.Stored(batch[i].Record);
                        }
                    }
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add(e);
                    await Task.Delay(backoff, ct);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                }
            }
        }
    }

    private sealed class TransportErrors(TextWriter log)
    {
        private int _count;
        public int Count => _count;

        public void Add(Exception e)
        {
            // The first few and then every hundredth: a restarted server should not flood the output.
            var n = Interlocked.Increment(ref _count);
            if (n <= 5 || n % 100 == 0)
            {
                lock (log)
                {
                    log.WriteLine($"rsd: send failed ({n}), retrying: {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}

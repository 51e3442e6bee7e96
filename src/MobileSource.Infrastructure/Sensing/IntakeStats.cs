namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// What the intake took since start (or the last reset) and how long records waited: receipt (read off the wire) to
/// judged and stored, and receipt to the over-limit rule having seen the reading. Latencies are kept in 1 ms buckets up
/// to 10 s (coarser above), so percentiles are exact to the millisecond without keeping every sample.
/// </summary>
public sealed class IntakeStats(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly LatencyHistogram _stored = new();
    private readonly LatencyHistogram _ruled = new();
    private long _accepted, _duplicates, _rejected, _failed;
    private DateTime _sinceUtc = clock.GetUtcNow().UtcDateTime;

    public void Taken(IntakeStatus status, TimeSpan receiptToStored)
    {
        lock (_gate)
        {
            switch (status)
            {
                case IntakeStatus.Accepted: _accepted++; break;
                case IntakeStatus.Duplicate: _duplicates++; break;
                default: _rejected++; break;
            }
            _stored.Add(receiptToStored);
        }
    }

    public void Failed(int count)
    {
        lock (_gate)
        {
            _failed += count;
        }
    }

    public void RuleApplied(TimeSpan receiptToRule)
    {
        lock (_gate)
        {
            _ruled.Add(receiptToRule);
        }
    }

    public IntakeSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new IntakeSnapshot(_sinceUtc, _accepted, _duplicates, _rejected, _failed, _stored.Summary(), _ruled.Summary());
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _accepted = _duplicates = _rejected = _failed = 0;
            _stored.Clear();
            _ruled.Clear();
            _sinceUtc = clock.GetUtcNow().UtcDateTime;
        }
    }

    private sealed class LatencyHistogram
    {
        private const int FineBuckets = 10_000; // 1 ms each
        private readonly long[] _fine = new long[FineBuckets];
        private readonly SortedDictionary<long, long> _coarse = []; // whole seconds beyond 10 s
        private long _count;
        private double _maxMs;

        public void Add(TimeSpan latency)
        {
            var ms = Math.Max(0, latency.TotalMilliseconds);
            _maxMs = Math.Max(_maxMs, ms);
            _count++;
            if (ms < FineBuckets)
            {
                _fine[(int)ms]++;
            }
            else
            {
                var second = (long)(ms / 1000);
                _coarse[second] = _coarse.GetValueOrDefault(second) + 1;
            }
        }

        public void Clear()
        {
            Array.Clear(_fine);
            _coarse.Clear();
            _count = 0;
            _maxMs = 0;
        }

        public LatencySummary Summary() => new(_count, Percentile(0.5), Percentile(0.99), Math.Round(_maxMs, 1));

        /// <summary>The upper edge of the bucket holding the p-th sample: never flatters the latency.</summary>
        private double? Percentile(double p)
        {
            if (_count == 0)
            {
                return null;
            }
            var rank = (long)Math.Ceiling(p * _count);
            long seen = 0;
            for (var i = 0; i < FineBuckets; i++)
            {
                seen += _fine[i];
                if (seen >= rank)
                {
                    return i + 1;
                }
            }
            foreach (var (second, n) in _coarse)
            {
                seen += n;
                if (seen >= rank)
                {
                    return (second + 1) * 1000;
                }
            }
            return _maxMs;
        }
    }
}

public sealed record LatencySummary(long Count, double? P50Ms, double? P99Ms, double MaxMs);

public sealed record IntakeSnapshot(
    DateTime SinceUtc, long Accepted, long Duplicates, long Rejected, long Failed,
    LatencySummary ReceiptToStored, LatencySummary ReceiptToOverLimitRule);

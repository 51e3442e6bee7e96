namespace MobileSource.Cameras.Streams;

/// <summary>Reconnect delays: the initial delay, doubling up to the maximum; reset once frames flow again.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private TimeSpan? _next;

    public TimeSpan Next()
    {
        var delay = _next ?? initial;
        _next = TimeSpan.FromTicks(Math.Min(max.Ticks, delay.Ticks * 2));
        return delay;
    }

    public void Reset() => _next = null;
}

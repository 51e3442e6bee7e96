namespace MobileSource.Cameras.Streams;

/// <summary>Frames per second over a sliding window of recent frame times. Thread-safe.</summary>
internal sealed class FpsMeter(TimeProvider time, TimeSpan window)
{
    private readonly Queue<long> _ticks = new();
    private readonly Lock _lock = new();

    public void Tick()
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            _ticks.Enqueue(now);
            Trim(now);
        }
    }

    public double Fps
    {
        get
        {
            lock (_lock)
            {
                Trim(time.GetTimestamp());
                return _ticks.Count < 2
                    ? 0
                    : (_ticks.Count - 1) / time.GetElapsedTime(_ticks.Peek()).TotalSeconds;
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _ticks.Clear();
        }
    }

    private void Trim(long now)
    {
        while (_ticks.Count > 0 && time.GetElapsedTime(_ticks.Peek(), now) > window)
        {
            _ticks.Dequeue();
        }
    }
}

using System.Collections.Concurrent;
using MobileSource.Cameras.Captures;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>A capture sink that keeps what it was given.</summary>
public sealed class RecordingSink : ICaptureSink
{
    public ConcurrentQueue<(CaptureEvidence Evidence, DateTimeOffset At)> Accepted { get; } = new();

    public Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        Accepted.Enqueue((evidence, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}

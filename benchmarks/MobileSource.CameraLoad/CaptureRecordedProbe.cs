using System.Collections.Concurrent;
using MassTransit;
using MobileSource.Contracts;

namespace MobileSource.CameraLoad;

/// <summary>Each CaptureRecorded consumed, with the instant it arrived.</summary>
internal sealed class ConsumedCaptures
{
    public ConcurrentDictionary<Guid, (CaptureRecorded Message, DateTime ConsumedAtUtc)> ById { get; } = new();
}

internal sealed class CaptureRecordedProbe(ConsumedCaptures consumed) : IConsumer<CaptureRecorded>
{
    public Task Consume(ConsumeContext<CaptureRecorded> context)
    {
        consumed.ById.TryAdd(context.Message.CaptureId, (context.Message, DateTime.UtcNow));
        return Task.CompletedTask;
    }
}

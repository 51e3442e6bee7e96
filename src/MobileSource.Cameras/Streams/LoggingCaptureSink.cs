using MobileSource.Cameras.Captures;
using Microsoft.Extensions.Logging;

namespace MobileSource.Cameras.Streams;

/// <summary>Used when no capture store is registered: the capture is logged and its staged files stay where they are.</summary>
internal sealed class LoggingCaptureSink(ILogger<LoggingCaptureSink> logger) : ICaptureSink
{
    public Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        logger.LogWarning("No capture store registered: capture {Capture} from {Camera} kept in staging ({Files})",
            evidence.CaptureId, evidence.CameraId, string.Join(", ", evidence.Files.Select(f => f.Path)));
        return Task.CompletedTask;
    }
}

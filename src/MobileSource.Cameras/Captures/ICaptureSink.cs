namespace MobileSource.Cameras.Captures;

/// <summary>Takes a capture from a camera; returns only when the capture and its files are stored.</summary>
public interface ICaptureSink
{
    Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct);
}

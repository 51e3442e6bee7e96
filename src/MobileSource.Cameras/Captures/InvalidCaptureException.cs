using MobileSource.Infrastructure.Sensing;

namespace MobileSource.Cameras.Captures;

/// <summary>The stream side handed over a capture that cannot be recorded; <see cref="Errors"/> name the fields.</summary>
public sealed class InvalidCaptureException(Guid captureId, IReadOnlyList<FieldError> errors)
    : Exception($"Capture {captureId} is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public Guid CaptureId { get; } = captureId;
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// The sink camera workers hold for their lifetime: each attempt gets its own scope (and DbContext). A failed
/// database or disk write is tried again a few times — the staged files are still there — before the failure goes
/// back to the camera; an invalid capture is not retried.
/// </summary>
public sealed class ScopedCaptureSink(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScopedCaptureSink> log) : ICaptureSink
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public async Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaptureRecorder>().AcceptAsync(evidence, ct);
                return;
            }
            catch (Exception ex) when (attempt < Retries.Length && ex is not (InvalidCaptureException or OperationCanceledException))
            {
                log.LogWarning(ex, "Capture {CaptureId}: recording failed (attempt {Attempt}); trying again", evidence.CaptureId, attempt + 1);
                await Task.Delay(Retries[attempt], clock, ct);
            }
        }
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.Cameras.Captures;

/// <summary>The sink camera workers hold for their lifetime: each capture gets its own scope (and DbContext).</summary>
public sealed class ScopedCaptureSink(IServiceScopeFactory scopes) : ICaptureSink
{
    public async Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaptureRecorder>().AcceptAsync(evidence, ct);
    }
}

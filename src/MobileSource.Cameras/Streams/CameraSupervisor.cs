using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Streams;

/// <summary>Starts the enabled cameras with the host and stops them all with it.</summary>
public sealed class CameraSupervisor(CameraRegistry registry, IOptions<CameraHostOptions> host, ILogger<CameraSupervisor> logger)
    : IHostedService
{
    private Timer? _sweeper;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!host.Value.Enabled)
        {
            logger.LogInformation("Camera host disabled (CameraHost:Enabled=false): no camera started");
            return Task.CompletedTask;
        }
        foreach (var runner in registry.Runners.Where(r => r.Camera.Enabled))
        {
            runner.Start();
        }
        _sweeper = new Timer(_ => SweepRecordings(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync();
        }
        await Task.WhenAll(registry.Runners.Select(r => r.StopAsync()));
    }

    private void SweepRecordings()
    {
        try
        {
            var cutoff = DateTimeOffset.UtcNow - host.Value.RecordingRetention;
            foreach (var directory in registry.Runners.Select(r => r.RecordingDirectory).OfType<string>())
            {
                RecordedSegment.DeleteOlderThan(directory, cutoff);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Deleting old recording segments failed; retrying on the next sweep");
        }
    }
}

using MobileSource.Cameras.Captures;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Starts the enabled cameras with the host and stops them all with it. At start it first hands over the captures
/// left in staging by an earlier run (the sink is idempotent, so one already stored is only cleaned up).
/// </summary>
public sealed class CameraSupervisor(
    CameraRegistry registry, ICameraCatalog cameras, IOptions<List<CameraOptions>> configured,
    IOptions<CameraHostOptions> host, ICaptureSink sink, ILogger<CameraSupervisor> logger)
    : IHostedService
{
    private Timer? _sweeper;
    private Task _resubmission = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The stored cameras (the cameras page's, and configuration's the first time) replace the configured list.
        await cameras.LoadAsync(configured.Value, cancellationToken);
        if (!host.Value.Enabled)
        {
            logger.LogInformation("Camera host disabled (CameraHost:Enabled=false): no camera started");
            return;
        }
        // Listed before any camera starts, so a capture this run is staging is never handed over twice at once.
        var leftOver = StagedCapture.FindAll(Path.GetFullPath(host.Value.StagingRoot)).ToList();
        _resubmission = Task.Run(() => ResubmitAsync(leftOver, CancellationToken.None), CancellationToken.None);
        foreach (var runner in registry.Runners.Where(r => r.Camera.Enabled))
        {
            runner.Start();
        }
        _sweeper = new Timer(_ => SweepRecordings(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync();
        }
        await Task.WhenAll(registry.Runners.Select(r => r.StopAsync()));
        await _resubmission;
    }

    /// <summary>Hands over every capture an earlier run staged but could not record; returns how many were taken.</summary>
    public Task<int> ResubmitStagedAsync(CancellationToken ct) =>
        ResubmitAsync(StagedCapture.FindAll(Path.GetFullPath(host.Value.StagingRoot)).ToList(), ct);

    private async Task<int> ResubmitAsync(IReadOnlyList<(string Folder, CaptureEvidence? Evidence, string? Error)> staged, CancellationToken ct)
    {
        var taken = 0;
        foreach (var (folder, evidence, error) in staged)
        {
            if (evidence is null)
            {
                logger.LogError("Staged capture in {Folder} cannot be read and stays for an operator: {Error}", folder, error);
                continue;
            }
            try
            {
                await sink.AcceptAsync(evidence, ct);
                taken++;
                logger.LogInformation("Capture {CaptureId} left in staging by an earlier run was handed over", evidence.CaptureId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Capture {CaptureId} in staging could not be handed over; it stays for the next start", evidence.CaptureId);
            }
        }
        return taken;
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

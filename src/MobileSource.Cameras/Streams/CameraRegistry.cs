using System.Collections.Concurrent;
using MobileSource.Cameras.Captures;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Streams;

/// <summary>All configured cameras and their runners; start and stop them at run time.</summary>
public sealed class CameraRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CameraRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public CameraRegistry(IOptions<List<CameraOptions>> cameras, IOptions<CameraHostOptions> host,
        Func<CameraOptions, IStreamAnalyzer> analyzerFactory, ICaptureSink sink, EvidenceStager evidence,
        ILoggerFactory loggers, TimeProvider time)
    {
        CameraConfiguration.Validate(cameras.Value, host.Value);
        foreach (var camera in cameras.Value)
        {
            _runners[camera.Id] = new CameraRunner(camera, host.Value, analyzerFactory, sink, evidence,
                loggers.CreateLogger($"{typeof(CameraRunner).FullName}.{camera.Id}"), time);
            _order.Add(camera.Id);
        }
    }

    public IReadOnlyList<CameraStatus> Statuses => [.. _order.Select(id => _runners[id].Status)];

    public CameraRunner? Find(string id) => _runners.GetValueOrDefault(id);

    public IEnumerable<CameraRunner> Runners => _order.Select(id => _runners[id]);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_runners.Values.Select(r => r.DisposeAsync().AsTask()));
    }
}

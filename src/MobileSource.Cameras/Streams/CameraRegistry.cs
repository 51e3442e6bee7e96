using System.Collections.Concurrent;
using MobileSource.Cameras.Captures;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Streams;

/// <summary>The cameras and their runners: start and stop them, and add, change or remove cameras at run time.</summary>
public sealed class CameraRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CameraRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly Lock _orderLock = new();
    private readonly CameraHostOptions _host;
    private readonly Func<CameraOptions, IStreamAnalyzer> _analyzerFactory;
    private readonly ICaptureSink _sink;
    private readonly EvidenceStager _evidence;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;

    public CameraRegistry(IOptions<List<CameraOptions>> cameras, IOptions<CameraHostOptions> host,
        Func<CameraOptions, IStreamAnalyzer> analyzerFactory, ICaptureSink sink, EvidenceStager evidence,
        ILoggerFactory loggers, TimeProvider time)
    {
        CameraConfiguration.Validate(cameras.Value, host.Value);
        _host = host.Value;
        _analyzerFactory = analyzerFactory;
        _sink = sink;
        _evidence = evidence;
        _loggers = loggers;
        _time = time;
        foreach (var camera in cameras.Value)
        {
            Add(camera);
        }
    }

    public IReadOnlyList<CameraStatus> Statuses => [.. Runners.Select(r => r.Status)];

    public CameraRunner? Find(string id) => _runners.GetValueOrDefault(id);

    public IEnumerable<CameraRunner> Runners
    {
        get
        {
            lock (_orderLock)
            {
                return [.. _order.Select(id => _runners[id])];
            }
        }
    }

    /// <summary>Adds a camera, not started; false when its id is taken.</summary>
    public bool Add(CameraOptions camera)
    {
        lock (_orderLock)
        {
            if (!_runners.TryAdd(camera.Id, NewRunner(camera)))
            {
                return false;
            }
            _order.Add(camera.Id);
            return true;
        }
    }

    /// <summary>
    /// Puts <paramref name="camera"/> in place of the camera of its id: the old runner is stopped (its decided captures
    /// still handed over) and the new one starts when <paramref name="start"/>.
    /// </summary>
    public async Task ReplaceAsync(CameraOptions camera, bool start)
    {
        var runner = NewRunner(camera);
        CameraRunner? old;
        lock (_orderLock)
        {
            old = Find(camera.Id);
            _runners[camera.Id] = runner;
            if (old is null)
            {
                _order.Add(camera.Id);
            }
        }
        if (old is not null)
        {
            await old.DisposeAsync(); // before the new one starts: they share the recording folder
        }
        if (start)
        {
            runner.Start();
        }
    }

    /// <summary>Stops and forgets a camera; false when there is none of that id.</summary>
    public async Task<bool> RemoveAsync(string id)
    {
        CameraRunner? runner;
        lock (_orderLock)
        {
            if (!_runners.TryRemove(id, out runner))
            {
                return false;
            }
            _order.RemoveAll(i => string.Equals(i, id, StringComparison.OrdinalIgnoreCase));
        }
        await runner.DisposeAsync();
        return true;
    }

    private CameraRunner NewRunner(CameraOptions camera) => new(camera, _host, _analyzerFactory, _sink, _evidence,
        _loggers.CreateLogger($"{typeof(CameraRunner).FullName}.{camera.Id}"), _time);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_runners.Values.Select(r => r.DisposeAsync().AsTask()));
    }
}

using System.Threading.Channels;
using MobileSource.Cameras.Captures;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// One camera: ffmpeg reader -> bounded frame queue (oldest dropped when analysis lags) -> the camera's
/// analyzer -> evidence -> capture sink. A watchdog restarts a stalled or frozen stream with backoff. Nothing
/// that goes wrong here (stream, analyzer, evidence, sink) escapes to the host.
/// </summary>
public sealed class CameraRunner : IAsyncDisposable
{
    private readonly CameraHostOptions _host;
    private readonly Func<CameraOptions, IStreamAnalyzer> _analyzerFactory;
    private readonly ICaptureSink _sink;
    private readonly EvidenceStager _evidence;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SourceAddress _address;
    private readonly FpsMeter _fps;
    private readonly Lock _lock = new();
    private readonly Mat _latest = new();
    private readonly object _liveLock = new();
    private Mat? _analyzed; // the last analysed frame, kept only while someone watches the live view
    private FrameOverlay _analyzedOverlay = FrameOverlay.Empty;
    private long _liveWatchedUntil; // Environment.TickCount64
    private bool _liveDisposed;
    private bool _disposed; // under _lock: a disposed runner (replaced or removed) never starts again

    private CancellationTokenSource? _stop;
    private Task _run = Task.CompletedTask;
    private CameraState _state = CameraState.Stopped;
    private string? _reason = "not started";
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private long _lastFrameTicks;
    private long _frames;
    private long _dropped;
    private int _restarts;
    private long _captures;
    private long _analyzerErrors;
    private int _vehiclesSeen;

    public CameraRunner(CameraOptions camera, CameraHostOptions host, Func<CameraOptions, IStreamAnalyzer> analyzerFactory,
        ICaptureSink sink, EvidenceStager evidence, ILogger logger, TimeProvider? time = null)
    {
        Camera = camera;
        _host = host;
        _analyzerFactory = analyzerFactory;
        _sink = sink;
        _evidence = evidence;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _address = SourceAddress.Parse(camera.Source);
        _fps = new FpsMeter(_time, TimeSpan.FromSeconds(5));
    }

    public CameraOptions Camera { get; }

    public string Id => Camera.Id;

    public string? RecordingDirectory =>
        Camera.Record ? Path.GetFullPath(Path.Combine(_host.RecordingRoot, Camera.Id)) : null;

    public CameraStatus Status
    {
        get
        {
            lock (_lock)
            {
                var lastFrame = Interlocked.Read(ref _lastFrameTicks);
                return new CameraStatus(Id, _address.Redacted, Camera.Site, Camera.Lane, _state, _reason,
                    Math.Round(_fps.Fps, 2), Interlocked.Read(ref _frames), Interlocked.Read(ref _dropped), _restarts,
                    _lastError, _lastErrorAt, lastFrame == 0 ? null : new DateTimeOffset(lastFrame, TimeSpan.Zero),
                    Volatile.Read(ref _vehiclesSeen), Interlocked.Read(ref _captures), Interlocked.Read(ref _analyzerErrors));
            }
        }
    }

    /// <summary>Started and neither stopped nor ended (failed, or its file played out) since.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _stop is not null && !_run.IsCompleted;
            }
        }
    }

    /// <summary>Starts the camera unless it runs already.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_disposed || (_stop is not null && !_run.IsCompleted))
            {
                return;
            }
            // A camera that failed or whose file ended has finished its run by itself: it may be started again. The old
            // token source is left to a StopAsync that may be holding it (it owns no timer, so nothing leaks).
            _stop = new CancellationTokenSource();
            _state = CameraState.Starting;
            _reason = null;
            var token = _stop.Token;
            // The camera outlives the request that started it: it must not carry that request's context (the reader's
            // language, its trace) into every log line and error of its life.
            using (ExecutionContext.SuppressFlow())
            {
                _run = Task.Run(() => RunAsync(token), CancellationToken.None);
            }
        }
    }

    /// <summary>Stops the camera: ffmpeg is killed, queued frames analyzed, pending evidence handed over.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? stop;
        Task run;
        lock (_lock)
        {
            stop = _stop;
            run = _run;
        }
        if (stop is null)
        {
            return;
        }
        await stop.CancelAsync();
        await run;
        ForgetLiveView();
        lock (_lock)
        {
            if (ReferenceEquals(_stop, stop))
            {
                _stop = null;
            }
        }
    }

    /// <summary>How long a live-view request keeps the runner copying analysed frames for it.</summary>
    private const long LiveViewHoldMs = 5_000;

    /// <summary>
    /// The last analysed frame as JPEG with what the analyzer saw in it (tracked vehicles, smoke regions, plates), so the
    /// boxes match the picture. Frames are copied for this only while the view is watched; null until one is.
    /// </summary>
    public (byte[] Jpeg, int Width, int Height, FrameOverlay Overlay)? LiveView()
    {
        Volatile.Write(ref _liveWatchedUntil, Environment.TickCount64 + LiveViewHoldMs);
        Mat copy;
        FrameOverlay overlay;
        lock (_liveLock)
        {
            if (_analyzed is null)
            {
                return null;
            }
            copy = _analyzed.Clone(); // encoded outside the lock: the analysis thread must not wait for a viewer
            overlay = _analyzedOverlay;
        }
        using (copy)
        {
            return (copy.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 80)), copy.Width, copy.Height, overlay);
        }
    }

    /// <summary>A stopped camera shows no old frame as if it were live.</summary>
    private void ForgetLiveView()
    {
        lock (_liveLock)
        {
            _analyzed?.Dispose();
            _analyzed = null;
            _analyzedOverlay = FrameOverlay.Empty;
        }
    }

    /// <summary>The latest frame as JPEG, or null before the first frame.</summary>
    public byte[]? SnapshotJpeg()
    {
        lock (_latest)
        {
            // A runner replaced or removed meanwhile has no frame to give.
            return _latest.IsDisposed || _latest.Empty() ? null : _latest.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var frames = Channel.CreateBounded<VideoFrame>(
            new BoundedChannelOptions(_host.AnalysisQueue)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            dropped =>
            {
                dropped.Dispose();
                Interlocked.Increment(ref _dropped);
            });
        var pending = Channel.CreateUnbounded<PendingCapture>(new UnboundedChannelOptions { SingleReader = true });
        var analysis = Task.Run(() => AnalyzeAsync(frames.Reader, pending.Writer), CancellationToken.None);
        var handover = Task.Run(() => HandOverAsync(pending.Reader, stop), CancellationToken.None);
        try
        {
            await ReadWithWatchdogAsync(frames.Writer, stop);
        }
        catch (Exception e)
        {
            SetState(CameraState.Failed, $"internal error: {e.Message}");
            _logger.LogError(e, "Camera {Camera} stopped on an unexpected error", Id);
        }
        finally
        {
            frames.Writer.TryComplete();
            await analysis;
            await handover;
        }
        if (stop.IsCancellationRequested)
        {
            SetState(CameraState.Stopped, "stopped by request");
        }
    }

    private async Task ReadWithWatchdogAsync(ChannelWriter<VideoFrame> frames, CancellationToken stop)
    {
        var backoff = new Backoff(Camera.InitialBackoff, Camera.MaxBackoff);
        var failedAttempts = 0;
        using var freeze = new FreezeDetector(Camera.FreezeFrames);
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            if (attempt > 0)
            {
                lock (_lock)
                {
                    _restarts++;
                }
            }
            freeze.Reset();
            var outcome = await RunAttemptAsync(frames, freeze, stop);
            if (stop.IsCancellationRequested)
            {
                return;
            }
            if (outcome.Error is null && !_address.IsLive && !Camera.Loop)
            {
                SetState(CameraState.Stopped, "the file ended");
                return;
            }
            var error = outcome.Error ?? "the stream ended";
            RecordError(error);
            if (outcome.Permanent)
            {
                SetState(CameraState.Failed, error);
                _logger.LogError("Camera {Camera} failed: {Reason} ({Source})", Id, error, _address.Redacted);
                return;
            }
            if (outcome.Frames > 0)
            {
                failedAttempts = 0;
                backoff.Reset();
            }
            else if (Camera.MaxAttempts > 0 && ++failedAttempts >= Camera.MaxAttempts)
            {
                SetState(CameraState.Failed, $"gave up after {failedAttempts} attempts: {error}");
                _logger.LogError("Camera {Camera} failed after {Attempts} attempts: {Reason}", Id, failedAttempts, error);
                return;
            }
            var delay = backoff.Next();
            SetState(CameraState.Reconnecting, error);
            _logger.LogWarning("Camera {Camera}: {Reason}; reconnecting in {Delay} s", Id, error, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed record AttemptOutcome(long Frames, string? Error, bool Permanent);

    private async Task<AttemptOutcome> RunAttemptAsync(ChannelWriter<VideoFrame> frames, FreezeDetector freeze, CancellationToken stop)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var recording = RecordingDirectory is { } dir ? new SegmentRecording(dir, _host.SegmentSeconds) : null;
        await using var source = new FfmpegFrameSource(new FfmpegSourceOptions
        {
            Address = _address,
            Width = Camera.DetectWidth,
            Height = Camera.DetectHeight,
            Fps = Camera.DetectFps,
            Loop = Camera.Loop,
            RealTime = !_address.IsLive,
            IoTimeout = Camera.IoTimeout,
            Recording = recording,
        }, _time);

        string? watchdogReason = null;
        long received = 0;
        var progress = _time.GetTimestamp();
        // Before the first frame the source may take its I/O timeout to connect and probe.
        var firstFrameAllowance = Camera.StallTimeout + 2 * Camera.IoTimeout;
        var watchdog = Task.Run(async () =>
        {
            while (!attempt.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), _time, attempt.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var limit = Interlocked.Read(ref received) == 0 ? firstFrameAllowance : Camera.StallTimeout;
                if (_time.GetElapsedTime(Interlocked.Read(ref progress)) > limit)
                {
                    watchdogReason = $"stalled: no frame for {limit.TotalSeconds:0.#} s";
                    await attempt.CancelAsync();
                    return;
                }
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var frame in source.ReadFramesAsync(attempt.Token))
            {
                Interlocked.Exchange(ref progress, _time.GetTimestamp());
                if (Interlocked.Increment(ref received) == 1)
                {
                    SetState(CameraState.Live, null);
                    _logger.LogInformation("Camera {Camera} is live ({Source})", Id, _address.Redacted);
                }
                Interlocked.Increment(ref _frames);
                Interlocked.Exchange(ref _lastFrameTicks, frame.CapturedAt.UtcTicks);
                _fps.Tick();
                lock (_latest)
                {
                    frame.Image.CopyTo(_latest);
                }
                if (freeze.Observe(frame.Image))
                {
                    frame.Dispose();
                    watchdogReason = $"frozen: the same image for {freeze.Repeats} frames";
                    break;
                }
                if (!frames.TryWrite(frame))
                {
                    frame.Dispose();
                }
            }
            return new AttemptOutcome(received, watchdogReason, false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return new AttemptOutcome(received, watchdogReason ?? "cancelled", false);
        }
        catch (OperationCanceledException)
        {
            return new AttemptOutcome(received, null, false);
        }
        catch (FrameSourceException e)
        {
            return new AttemptOutcome(received, e.Reason, e.Permanent);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Camera {Camera}: reading the stream failed unexpectedly", Id);
            return new AttemptOutcome(received, $"reading failed: {e.Message}", false);
        }
        finally
        {
            await attempt.CancelAsync();
            await watchdog;
            _fps.Reset();
        }
    }

    /// <summary>A decided capture: when its deciding frame was filmed, and when the analyzer decided it.</summary>
    private sealed record PendingCapture(SmokeCapture Capture, DateTimeOffset CapturedAt, DateTimeOffset DecidedAt);

    private async Task AnalyzeAsync(ChannelReader<VideoFrame> frames, ChannelWriter<PendingCapture> pending)
    {
        IStreamAnalyzer? analyzer = null;
        try
        {
            analyzer = _analyzerFactory(Camera);
            await foreach (var frame in frames.ReadAllAsync())
            {
                using (frame)
                {
                    try
                    {
                        foreach (var capture in analyzer.Process(frame))
                        {
                            var capturedAt = frame.CapturedAt - TimeSpan.FromSeconds((frame.Index - capture.DecidingFrame) / Camera.DetectFps);
                            pending.TryWrite(new PendingCapture(capture, capturedAt, _time.GetUtcNow()));
                        }
                        Volatile.Write(ref _vehiclesSeen, analyzer.VehiclesSeen);
                        if (Environment.TickCount64 < Volatile.Read(ref _liveWatchedUntil))
                        {
                            lock (_liveLock)
                            {
                                if (_liveDisposed)
                                {
                                    continue;
                                }
                                _analyzed ??= new Mat();
                                frame.Image.CopyTo(_analyzed);
                                _analyzedOverlay = analyzer.LastOverlay;
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        AnalyzerFailed(e);
                    }
                }
            }
            foreach (var capture in analyzer.Complete())
            {
                var now = _time.GetUtcNow();
                pending.TryWrite(new PendingCapture(capture, now, now));
            }
        }
        catch (Exception e)
        {
            AnalyzerFailed(e);
            while (frames.TryRead(out var left))
            {
                left.Dispose();
            }
        }
        finally
        {
            analyzer?.Dispose();
            pending.TryComplete();
        }
    }

    private void AnalyzerFailed(Exception e)
    {
        var count = Interlocked.Increment(ref _analyzerErrors);
        RecordError($"analyzer: {e.Message}");
        if ((count & (count - 1)) == 0) // 1, 2, 4, 8 …: visible without flooding the log
        {
            _logger.LogError(e, "Camera {Camera}: the analyzer failed on a frame ({Count} so far)", Id, count);
        }
    }

    /// <summary>
    /// Hands captures over as they come, up to <see cref="CameraHostOptions.HandOverConcurrency"/> at once (each
    /// spends most of its time waiting for its post-roll). Returns only when every hand-over begun has finished,
    /// so stopping the camera cuts the clips it can and loses no capture.
    /// </summary>
    private async Task HandOverAsync(ChannelReader<PendingCapture> pending, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(_host.HandOverConcurrency);
        var running = new List<Task>();
        await foreach (var item in pending.ReadAllAsync())
        {
            await slots.WaitAsync(CancellationToken.None);
            running.RemoveAll(t => t.IsCompleted);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await HandOverOneAsync(item, stop);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);
    }

    private async Task HandOverOneAsync(PendingCapture item, CancellationToken stop)
    {
        using var capture = item.Capture;
        try
        {
            var staged = await _evidence.StageAsync(Camera, capture, item.CapturedAt, RecordingDirectory, stop);
            var evidence = staged with { DecidedAt = item.DecidedAt };
            await _sink.AcceptAsync(evidence, CancellationToken.None);
            Interlocked.Increment(ref _captures);
            _logger.LogInformation("Camera {Camera}: capture {Capture} (Ringelmann {Level}, plate {Plate}) handed over {Latency:0.0} s after the deciding frame",
                Id, evidence.CaptureId, evidence.RingelmannLevel, evidence.Plate ?? "unread", (_time.GetUtcNow() - item.CapturedAt).TotalSeconds);
        }
        catch (Exception e)
        {
            RecordError($"evidence: {e.Message}");
            _logger.LogError(e, "Camera {Camera}: a capture could not be handed over", Id);
        }
    }

    private void SetState(CameraState state, string? reason)
    {
        lock (_lock)
        {
            _state = state;
            _reason = reason;
        }
    }

    private void RecordError(string error)
    {
        lock (_lock)
        {
            _lastError = error;
            _lastErrorAt = _time.GetUtcNow();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
        }
        await StopAsync();
        lock (_latest)
        {
            _latest.Dispose();
        }
        lock (_liveLock)
        {
            _liveDisposed = true;
            _analyzed?.Dispose();
            _analyzed = null;
        }
    }
}

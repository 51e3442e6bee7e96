using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace MobileSource.Vision.Video;

/// <summary>
/// One Debian ffmpeg child process per source, writing raw bgr24 frames of the detect size to stdout (and,
/// optionally, recording the original stream into segments). Frames are read in exact frame-size chunks
/// into one pooled buffer. The process is killed on cancel or dispose; stderr is drained all the time and
/// its last lines explain failures.
/// </summary>
public sealed class FfmpegFrameSource(FfmpegSourceOptions options, TimeProvider? time = null) : IFrameSource
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly StderrTail _stderr = new();
    private Process? _process;
    private int _disposed;

    public FfmpegSourceOptions Options { get; } = options;

    /// <summary>What ffprobe found before reading started; null until then.</summary>
    public VideoProbe? Probe { get; private set; }

    /// <summary>The segment recording as actually run (re-encoding when the codec cannot be copied).</summary>
    public SegmentRecording? Recording { get; private set; }

    public IReadOnlyList<string> LastErrors => _stderr.Lines;

    public async IAsyncEnumerable<VideoFrame> ReadFramesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        Options.Validate();
        var address = Options.Address;
        Probe = await VideoProbe.ProbeAsync(Options, ct);
        Recording = Options.Recording is { } r ? r with { Reencode = r.Reencode || !Probe.CanCopyIntoMp4 } : null;
        if (Recording is not null)
        {
            Directory.CreateDirectory(Recording.Directory);
        }

        var started = Stopwatch.StartNew();
        var process = Start(Options with { Recording = Recording }, Probe);
        using var kill = ct.Register(() => ProcessRunner.Kill(process));
        var frameBytes = Options.FrameBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(frameBytes);
        long index = 0;
        var partial = false;
        try
        {
            var stdout = process.StandardOutput.BaseStream;
            while (true)
            {
                var read = await stdout.ReadAtLeastAsync(buffer.AsMemory(0, frameBytes), frameBytes, throwOnEndOfStream: false, ct);
                if (read < frameBytes)
                {
                    partial = read > 0;
                    break;
                }
                var image = new Mat(Options.Height, Options.Width, MatType.CV_8UC3);
                Marshal.Copy(buffer, 0, image.Data, frameBytes);
                yield return new VideoFrame(index, TimeSpan.FromSeconds(index / Options.Fps), _time.GetUtcNow(), image);
                index++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        ct.ThrowIfCancellationRequested();
        using var exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(exitWait.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessRunner.Kill(process);
        }
        ct.ThrowIfCancellationRequested();
        var exitCode = process.HasExited ? process.ExitCode : -1;
        var errors = _stderr.Lines;
        if (index == 0)
        {
            var slow = started.Elapsed >= Options.IoTimeout * 0.9;
            var reason = exitCode == 0 && errors.Count == 0
                ? "not a video: ffmpeg decoded no frames from it"
                : FfmpegErrors.Classify(address, errors, slow, Options.IoTimeout);
            throw new FrameSourceException(address.Redacted, reason, permanent: !address.IsLive);
        }
        var seconds = index / Options.Fps;
        if (partial || exitCode != 0)
        {
            throw new FrameSourceException(address.Redacted,
                $"stream ended early after {seconds:0.#} s: {FfmpegErrors.Classify(address, errors, false, Options.IoTimeout)}",
                permanent: !address.IsLive);
        }
        if (address.Kind == SourceKind.File && !Options.Loop && Probe.Duration is { } duration
            && seconds < duration.TotalSeconds * 0.9 - 1 && errors.Count > 0)
        {
            throw new FrameSourceException(address.Redacted,
                $"corrupt video: decoding stopped at {seconds:0.#} s of {duration.TotalSeconds:0.#} s ({FfmpegErrors.Redact(address, errors[^1])})",
                permanent: true);
        }
    }

    private Process Start(FfmpegSourceOptions o, VideoProbe probe)
    {
        var info = new ProcessStartInfo(o.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in FfmpegArguments.Build(o, probe))
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["TZ"] = "UTC"; // segment names are UTC
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new FrameSourceException(o.Address.Redacted, $"cannot start {o.FfmpegPath}: {e.Message}", e);
        }
        process.BeginErrorReadLine();
        var previous = Interlocked.Exchange(ref _process, process);
        if (previous is not null)
        {
            ProcessRunner.Kill(previous);
            previous.Dispose();
        }
        if (Volatile.Read(ref _disposed) == 1)
        {
            ProcessRunner.Kill(process);
        }
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }
        ProcessRunner.Kill(process);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(wait.Token); // reaps the child: no zombies
        }
        catch (OperationCanceledException)
        {
            // the kernel will reap it with us; nothing more to do without blocking
        }
        process.Dispose();
    }
}

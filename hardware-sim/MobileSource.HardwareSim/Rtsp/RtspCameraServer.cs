using System.Diagnostics;

namespace MobileSource.HardwareSim.Rtsp;

/// <summary>
/// A live RTSP camera: GStreamer's RTSP server (Debian gir1.2-gst-rtsp-server-1.0, python3-gi), driven by
/// rtsp_camera_server.py under /usr/bin/python3, loops an H.264 MP4 as one shared live stream.
/// Disposing stops the child server.
/// </summary>
public sealed class RtspCameraServer : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string ScriptFileName = "rtsp_camera_server.py";

    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr;

    private RtspCameraServer(Process process, System.Text.StringBuilder stderr, Uri url)
    {
        _process = process;
        _stderr = stderr;
        Url = url;
    }

    /// <summary>rtsp://127.0.0.1:port/path</summary>
    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server and waits until it listens (it prints its URL).</summary>
    /// <exception cref="InvalidOperationException">Python, GStreamer or the port is not available; the message says which.</exception>
    public static async Task<RtspCameraServer> StartAsync(string videoPath, int port, string path = "camera", TimeSpan? timeout = null)
    {
        if (!File.Exists(videoPath))
        {
            throw new FileNotFoundException($"video to serve not found: {videoPath}", videoPath);
        }
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "port must be 0 (any free port) .. 65535");
        }
        if (string.IsNullOrWhiteSpace(path) || path.Trim('/').Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')))
        {
            throw new ArgumentException($"path must be letters, digits, '-', '_' or '/', got '{path}'", nameof(path));
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Rtsp", ScriptFileName);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: the build copies it next to hardware-sim");
        }
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install the Debian packages python3-gi and gir1.2-gst-rtsp-server-1.0");
        }
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-u", script, Path.GetFullPath(videoPath), port.ToString(System.Globalization.CultureInfo.InvariantCulture), path.Trim('/') })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token);
            if (line is null || !line.StartsWith("rtsp://", StringComparison.Ordinal))
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
                string err;
                lock (stderr)
                {
                    err = stderr.ToString().Trim();
                }
                throw new InvalidOperationException($"RTSP server on port {port} did not start: {err}");
            }
            return new RtspCameraServer(process, stderr, new Uri(line.Trim()));
        }
        catch (Exception) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the server exits on its own (it normally never does).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>How the server ended and what it wrote to stderr; for the message when it exits on its own.</summary>
    public string ExitReport()
    {
        string err;
        lock (_stderr)
        {
            err = _stderr.ToString().Trim();
        }
        var tail = err.Length > 2000 ? err[^2000..] : err;
        return $"exit code {(_process.HasExited ? _process.ExitCode : "none (still running)")}; stderr: {(tail.Length == 0 ? "(empty)" : tail)}";
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}

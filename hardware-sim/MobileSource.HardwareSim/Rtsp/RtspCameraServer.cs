using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MobileSource.HardwareSim.Rtsp;

/// <summary>
/// A live RTSP camera: GStreamer's RTSP server (Debian gir1.2-gst-rtsp-server-1.0, python3-gi), driven by
/// rtsp_camera_server.py under /usr/bin/python3, loops an H.264 MP4 as one shared live stream.
/// The child is supervised like a camera's firmware: if it dies (seen intermittently on a loaded machine when the
/// first client connects) it is started again on the same port, so clients that reconnect get the stream again;
/// every such exit is kept for <see cref="ExitReport"/>. Disposing stops the child.
/// </summary>
public sealed class RtspCameraServer : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string ScriptFileName = "rtsp_camera_server.py";
    /// <summary>Restarts allowed before the server gives up (it then counts as exited).</summary>
    public const int MaxRestarts = 5;

    private readonly string _video;
    private readonly string _path;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _exits = [];
    private readonly Task _supervisor;
    private Child _child;

    private RtspCameraServer(string video, string path, Child child)
    {
        _video = video;
        _path = path;
        _child = child;
        Url = child.Url;
        _supervisor = Task.Run(SuperviseAsync);
    }

    /// <summary>rtsp://127.0.0.1:port/path</summary>
    public Uri Url { get; }

    /// <summary>The current child's process id (tests kill it to check the restart).</summary>
    internal int ChildProcessId => _child.Process.Id;

    /// <summary>Times the child died and was started again.</summary>
    public int Restarts { get; private set; }

    /// <summary>True once the child died and could not be started again (or the server was disposed).</summary>
    public bool HasExited => _supervisor.IsCompleted;

    /// <summary>Starts the server and waits until it listens (it prints its URL). Port 0: any free port.</summary>
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
        var video = Path.GetFullPath(videoPath);
        var child = await StartChildAsync(video, port, path.Trim('/'), timeout ?? TimeSpan.FromSeconds(20));
        return new RtspCameraServer(video, path.Trim('/'), child);
    }

    private const int StartAttempts = 3;

    /// <summary>
    /// Starts a child; one that dies before it announces its URL is started again (a CI run on a loaded machine once
    /// failed that way within a second, cause not captured). The error names every attempt.
    /// </summary>
    private static async Task<Child> StartChildAsync(string video, int port, string path, TimeSpan timeout)
    {
        var failures = new List<string>();
        while (true)
        {
            try
            {
                return await Child.StartAsync(video, port, path, timeout);
            }
            catch (ChildDidNotStartException e) when (failures.Count < StartAttempts - 1)
            {
                failures.Add(e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
            catch (ChildDidNotStartException e) when (failures.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" | then: ", failures.Append(e.Message)), e);
            }
        }
    }

    /// <summary>The server's child exited before it announced its URL.</summary>
    private sealed class ChildDidNotStartException(string message) : InvalidOperationException(message);

    /// <summary>Waits until the server is gone for good: it gave up restarting, or it was disposed.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _supervisor.WaitAsync(cancellationToken);

    /// <summary>Each exit of the child so far (code and stderr tail), and the current child's state.</summary>
    public string ExitReport()
    {
        lock (_exits)
        {
            var current = _child.Describe();
            return _exits.Count == 0 ? current : $"{string.Join(" | ", _exits)} | now: {current}";
        }
    }

    private async Task SuperviseAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _child.Process.WaitForExitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_exits)
            {
                _exits.Add(_child.Describe());
            }
            if (Restarts >= MaxRestarts)
            {
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), _stop.Token);
                var next = await StartChildAsync(_video, Url.Port, _path, TimeSpan.FromSeconds(20));
                var previous = _child;
                _child = next;
                Restarts++;
                previous.Dispose();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (InvalidOperationException e)
            {
                lock (_exits)
                {
                    _exits.Add($"restart failed: {e.Message}");
                }
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _supervisor.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The supervisor only ends; nothing to report on disposal.
        }
        _child.Dispose();
        _stop.Dispose();
    }

    /// <summary>One python3 process of the server, with its stderr collected.</summary>
    private sealed class Child : IDisposable
    {
        private readonly StringBuilder _stderr;

        private Child(Process process, StringBuilder stderr, Uri url)
        {
            Process = process;
            _stderr = stderr;
            Url = url;
        }

        public Process Process { get; }
        public Uri Url { get; }

        public static async Task<Child> StartAsync(string video, int port, string path, TimeSpan timeout)
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Rtsp", ScriptFileName);
            if (!File.Exists(script))
            {
                throw new InvalidOperationException($"{script} is missing: the build copies it next to hardware-sim");
            }
            if (!File.Exists(Python))
            {
                throw new InvalidOperationException($"{Python} is missing: install the Debian packages python3-gi and gir1.2-gst-rtsp-server-1.0");
            }
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-u", script, video, port.ToString(CultureInfo.InvariantCulture), path })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
            var stderr = new StringBuilder();
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
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                var line = await process.StandardOutput.ReadLineAsync(cts.Token);
                if (line is null || !line.StartsWith("rtsp://", StringComparison.Ordinal))
                {
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
                    throw new ChildDidNotStartException($"RTSP server on port {port} did not start: {Tail(stderr)}");
                }
                return new Child(process, stderr, new Uri(line.Trim()));
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

        public string Describe()
        {
            string state;
            try
            {
                state = Process.HasExited ? $"exit code {Process.ExitCode}" : "running";
            }
            catch (InvalidOperationException)
            {
                state = "stopped";
            }
            var err = Tail(_stderr);
            return $"{state}; stderr: {(err.Length == 0 ? "(empty)" : err)}";
        }

        private static string Tail(StringBuilder stderr)
        {
            string err;
            lock (stderr)
            {
                err = stderr.ToString().Trim();
            }
            return err.Length > 1000 ? err[^1000..] : err;
        }

        public void Dispose()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            Process.Dispose();
        }
    }
}

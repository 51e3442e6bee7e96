using System.Diagnostics;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>The simulator's live camera (hardware-sim camera --rtsp): a rendered roadside scene served over RTSP in a loop.</summary>
public sealed class SimulatorCamera : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StderrLines _stderr;

    private SimulatorCamera(Process process, StderrLines stderr, string url)
    {
        _process = process;
        _stderr = stderr;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Whether the simulator still runs, and the last lines it wrote to stderr: for failure messages.</summary>
    public string Describe() =>
        $"simulator {(_process.HasExited ? $"exited with {_process.ExitCode}" : "running")}; stderr: {_stderr}";

    public static async Task<SimulatorCamera> StartAsync(params string[] sceneOptions)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hardware-sim.dll"));
        // Port 0: the server binds any free port at listen time and prints it, so nothing can take the port
        // between choosing it and binding it (the scene renders for many seconds in between).
        foreach (var arg in new[] { "camera", "--rtsp", "0" }.Concat(sceneOptions))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("hardware-sim did not start");
        var stderr = new StderrLines();
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // renders the scene first
        var url = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (url?.StartsWith("rtsp://", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"hardware-sim camera did not serve RTSP: {url}; stderr: {stderr}");
        }
        return new SimulatorCamera(process, stderr, url);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private sealed class StderrLines
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > 20)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? "(empty)" : string.Join(" | ", _lines);
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>
/// A live RTSP camera for tests: GStreamer's RTSP server (Debian's /usr/bin/python3 with gi) streaming a moving
/// test pattern as H.264. Can be killed, restarted on the same port, and paused (SIGSTOP) to stall clients.
/// </summary>
public sealed class RtspTestCamera : IAsyncDisposable
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _fps;
    private Process? _process;

    private RtspTestCamera(int port, int width, int height, int fps)
    {
        Port = port;
        _width = width;
        _height = height;
        _fps = fps;
    }

    public int Port { get; }

    public string Url => $"rtsp://127.0.0.1:{Port}/cam";

    public static async Task<RtspTestCamera> StartAsync(int width = 320, int height = 180, int fps = 10)
    {
        var camera = new RtspTestCamera(FreePort(), width, height, fps);
        await camera.RestartAsync();
        return camera;
    }

    public async Task RestartAsync()
    {
        Kill();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ScriptPath(), Port.ToString(), _width.ToString(), _height.ToString(), _fps.ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        _process = process;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            throw new InvalidOperationException($"the RTSP test server did not start: {line}");
        }
    }

    public void Kill()
    {
        if (_process is null)
        {
            return;
        }
        Resume();
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The server stops sending without closing connections: a stalled camera.</summary>
    public void Pause() => Signal("-STOP");

    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } p)
        {
            using var kill = Process.Start("kill", [signal, p.Id.ToString()]);
            kill.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ScriptPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "rtsp_test_server.py");
}

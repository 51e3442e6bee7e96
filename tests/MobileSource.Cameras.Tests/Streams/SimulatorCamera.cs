using System.Diagnostics;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>The simulator's live camera (hardware-sim camera --rtsp): a rendered roadside scene served over RTSP in a loop.</summary>
public sealed class SimulatorCamera : IAsyncDisposable
{
    private readonly Process _process;

    private SimulatorCamera(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<SimulatorCamera> StartAsync(params string[] sceneOptions)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hardware-sim.dll"));
        foreach (var arg in new[] { "camera", "--rtsp", RtspTestCamera.FreePort().ToString() }.Concat(sceneOptions))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("hardware-sim did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // renders the scene first
        var url = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (url?.StartsWith("rtsp://", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"hardware-sim camera did not serve RTSP: {url}");
        }
        return new SimulatorCamera(process, url);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

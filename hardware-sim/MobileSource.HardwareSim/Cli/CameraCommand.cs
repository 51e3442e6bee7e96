using System.Diagnostics;
using System.Runtime.InteropServices;
using MobileSource.HardwareSim.Camera;
using MobileSource.HardwareSim.Rtsp;

namespace MobileSource.HardwareSim.Cli;

/// <summary><c>hardware-sim camera</c>: writes a scene to MP4 + truth, or serves it as a live RTSP camera.</summary>
public static class CameraCommand
{
    public static async Task<int> RunAsync(CameraArguments args, TextWriter stdout, TextWriter stderr)
    {
        var scene = SceneSpec.FromSeed(args.Seed, args.Scene);
        if (args.OutDirectory is { } dir)
        {
            var watch = Stopwatch.StartNew();
            var video = await CameraVideoWriter.WriteAsync(scene, dir);
            watch.Stop();
            var seconds = scene.FrameCount / (double)scene.Fps;
            await stderr.WriteLineAsync(FormattableString.Invariant(
                $"{scene.FrameCount} frames ({seconds:F1} s of video, {scene.Vehicles.Count} vehicles, {scene.Conditions.Lighting}) in {watch.Elapsed.TotalSeconds:F1} s: {scene.FrameCount / watch.Elapsed.TotalSeconds:F0} frames/s"));
            await stdout.WriteLineAsync(video);
            return 0;
        }
        return await ServeRtspAsync(scene, args.RtspPort!.Value, args.RtspPath, stdout, stderr);
    }

    private static async Task<int> ServeRtspAsync(SceneSpec scene, int port, string path, TextWriter stdout, TextWriter stderr)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hardware-sim-camera-{Environment.ProcessId}");
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            var video = await CameraVideoWriter.WriteAsync(scene, dir, stop.Token);
            await stderr.WriteLineAsync($"truth: {Path.Combine(dir, CameraVideoWriter.TruthFileName)}");
            using var server = await RtspCameraServer.StartAsync(video, port, path);
            await stdout.WriteLineAsync(server.Url.ToString());
            await stdout.FlushAsync();
            try
            {
                await server.WaitForExitAsync(stop.Token);
                await stderr.WriteLineAsync($"the RTSP server stopped and could not be started again: {server.ExitReport()}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory.
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}

using System.Net;
using System.Net.Sockets;
using MobileSource.HardwareSim.Rtsp;

namespace MobileSource.Vision.Tests.Simulator;

public sealed class RtspCameraTests(ShortVideoFixture video) : IClassFixture<ShortVideoFixture>
{
    [Fact]
    public async Task Rtsp_server_streams_the_scene_live_and_loops_past_its_end()
    {
        using var server = await RtspCameraServer.StartAsync(video.VideoPath, port: 0);
        Assert.Equal("rtsp", server.Url.Scheme);
        Assert.EndsWith("/camera", server.Url.AbsolutePath);
        Assert.NotEqual(0, server.Url.Port); // port 0 asks for any free port; the URL names the one bound

        var probe = await ProbeAsync(server, "stream=codec_name,width,height");
        Assert.True(probe.ExitCode == 0, $"{probe.Stderr}; server: {server.ExitReport()}");
        Assert.Equal($"h264,{video.Scene.Width},{video.Scene.Height}", probe.Stdout.Trim());

        // More frames than the file holds: the stream must loop rather than end.
        var frames = video.Scene.FrameCount + 20;
        var read = await RetriedAsync(() => ExternalTool.Run("ffmpeg", TimeSpan.FromSeconds(60),
            "-v", "error", "-rtsp_transport", "tcp", "-i", server.Url.ToString(), "-frames:v", frames.ToString(), "-f", "framemd5", "-"));
        Assert.True(read.ExitCode == 0, $"{read.Stderr}; server: {server.ExitReport()}");
        Assert.Equal(frames, read.Stdout.Split('\n').Count(l => l.StartsWith("0,", StringComparison.Ordinal)));
        Assert.False(server.HasExited);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> ProbeAsync(RtspCameraServer server, string entries) =>
        RetriedAsync(() => ExternalTool.Run("ffprobe", TimeSpan.FromSeconds(30),
            "-v", "error", "-rtsp_transport", "tcp", "-show_entries", entries, "-of", "csv=p=0", server.Url.ToString()));

    /// <summary>
    /// A client of the server's stream, tried again for a few seconds: the server's child has been seen to die as a
    /// client connects (GStreamer's "gst_rtsp_media_get_rates: assertion failed", the client seeing "Operation not
    /// permitted", then "Connection refused"), the first or a later one; it is started again on the same port. Cameras
    /// reconnect; so does this.
    /// </summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RetriedAsync(Func<(int ExitCode, string Stdout, string Stderr)> client)
    {
        var result = client();
        for (var retry = 0; retry < 4 && result.ExitCode != 0; retry++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            result = client();
        }
        return result;
    }

    [Fact]
    public async Task A_server_child_that_dies_is_started_again_on_the_same_port()
    {
        using var server = await RtspCameraServer.StartAsync(video.VideoPath, port: 0);
        var first = server.ChildProcessId;

        using (var child = System.Diagnostics.Process.GetProcessById(first))
        {
            child.Kill();
        }
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (server.Restarts == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, server.Restarts);
        Assert.NotEqual(first, server.ChildProcessId);
        Assert.False(server.HasExited);
        Assert.Contains("exit code", server.ExitReport());
        var probe = await ProbeAsync(server, "stream=codec_name");
        Assert.True(probe.ExitCode == 0, $"{probe.Stderr}; server: {server.ExitReport()}");
        Assert.Equal("h264", probe.Stdout.Trim());
    }

    [Fact]
    public async Task A_port_in_use_gives_a_clear_error()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RtspCameraServer.StartAsync(video.VideoPath, port));
        Assert.Contains($"port {port}", error.Message);
    }
}

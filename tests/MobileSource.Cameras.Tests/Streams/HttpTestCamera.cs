using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>
/// A live HTTP camera for tests, serving what IP cameras serve: MJPEG as multipart/x-mixed-replace (JPEGs made
/// once with ffmpeg, sent at the camera's rate) on Dahua's and Hikvision's paths, the latter behind HTTP Basic
/// authentication, and H.264 in MPEG-TS (an ffmpeg per client). Unknown paths are 404. Any number of clients;
/// <see cref="Stop"/> drops every connection and closes the port, <see cref="Restart"/> opens it again.
/// </summary>
public sealed class HttpTestCamera : IAsyncDisposable
{
    public const string DahuaMjpegPath = "/cgi-bin/mjpg/video.cgi";
    public const string HikvisionMjpegPath = "/ISAPI/Streaming/channels/102/httpPreview";
    public const string TsPath = "/live.ts";
    public const string User = "admin";
    public const string Password = "Hk12345";
    private const string Boundary = "myboundary";

    private readonly int _width;
    private readonly int _height;
    private readonly int _fps;
    private readonly string _frameFolder;
    private readonly byte[][] _jpegs;
    private readonly Lock _lock = new();
    private readonly List<Socket> _clients = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    private HttpTestCamera(int port, int width, int height, int fps)
    {
        Port = port;
        _width = width;
        _height = height;
        _fps = fps;
        _frameFolder = Directory.CreateTempSubdirectory("http-camera-").FullName;
        // Three seconds of a moving test pattern, looped: never frozen.
        StreamMedia.Ffmpeg("-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={fps}", "-frames:v", (3 * fps).ToString(),
            "-q:v", "5", Path.Combine(_frameFolder, "%03d.jpg"));
        _jpegs = Directory.GetFiles(_frameFolder, "*.jpg").Order().Select(File.ReadAllBytes).ToArray();
    }

    public int Port { get; }

    public string Url(string path, bool credentials = false, string password = Password) =>
        credentials ? $"http://{User}:{password}@127.0.0.1:{Port}{path}" : $"http://127.0.0.1:{Port}{path}";

    public static HttpTestCamera Start(int width = 320, int height = 180, int fps = 10)
    {
        var camera = new HttpTestCamera(RtspTestCamera.FreePort(), width, height, fps);
        camera.Restart();
        return camera;
    }

    public void Restart()
    {
        Stop();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        var stop = new CancellationTokenSource();
        lock (_lock)
        {
            _listener = listener;
            _stop = stop;
        }
        _ = AcceptAsync(listener, stop.Token);
    }

    /// <summary>The camera goes off the network: connections dropped, the port refuses.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stop?.Cancel();
            _stop?.Dispose();
            _stop = null;
            _listener?.Stop();
            _listener = null;
            foreach (var client in _clients)
            {
                client.Dispose();
            }
            _clients.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(stop);
                lock (_lock)
                {
                    _clients.Add(socket);
                }
                _ = ServeAsync(socket, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var (path, authorization) = await ReadRequestAsync(stream, stop);
            switch (path)
            {
                case DahuaMjpegPath:
                    await ServeMjpegAsync(stream, stop);
                    break;
                case HikvisionMjpegPath when authorization == BasicCredentials(User, Password):
                    await ServeMjpegAsync(stream, stop);
                    break;
                case HikvisionMjpegPath:
                    await WriteHeadAsync(stream, "401 Unauthorized", "WWW-Authenticate: Basic realm=\"IP Camera\"\r\nContent-Length: 0\r\n", stop);
                    break;
                case TsPath:
                    await ServeTsAsync(stream, stop);
                    break;
                default:
                    await WriteHeadAsync(stream, "404 Not Found", "Content-Length: 0\r\n", stop);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away or the camera was stopped
        }
        finally
        {
            lock (_lock)
            {
                _clients.Remove(socket);
            }
            socket.Dispose();
        }
    }

    private static async Task<(string Path, string? Authorization)> ReadRequestAsync(Stream stream, CancellationToken ct)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, ct) == 0 || head.Length > 16_384)
            {
                throw new IOException("incomplete request");
            }
            head.Append((char)buffer[0]);
        }
        var lines = head.ToString().Split("\r\n");
        var path = lines[0].Split(' ')[1];
        var authorization = lines.FirstOrDefault(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))?["Authorization:".Length..].Trim();
        return (path, authorization);
    }

    private static string BasicCredentials(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static Task WriteHeadAsync(Stream stream, string status, string headers, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}Connection: close\r\n\r\n"), ct).AsTask();

    /// <summary>Frames paced by the clock, not by sleeps, so the rate holds on a busy machine.</summary>
    private async Task ServeMjpegAsync(Stream stream, CancellationToken stop)
    {
        await WriteHeadAsync(stream, "200 OK", $"Content-Type: multipart/x-mixed-replace; boundary={Boundary}\r\n", stop);
        var clock = Stopwatch.StartNew();
        for (long n = 0; ; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / _fps) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, stop);
            }
            var jpeg = _jpegs[n % _jpegs.Length];
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n"), stop);
            await stream.WriteAsync(jpeg, stop);
            await stream.WriteAsync("\r\n"u8.ToArray(), stop);
        }
    }

    private async Task ServeTsAsync(Stream stream, CancellationToken stop)
    {
        await WriteHeadAsync(stream, "200 OK", "Content-Type: video/mp2t\r\n", stop);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", $"testsrc2=size={_width}x{_height}:rate={_fps}",
                     "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", _fps.ToString(), "-pix_fmt", "yuv420p", "-f", "mpegts", "pipe:1" })
        {
            info.ArgumentList.Add(a);
        }
        using var encoder = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        encoder.ErrorDataReceived += (_, _) => { };
        encoder.BeginErrorReadLine();
        try
        {
            await encoder.StandardOutput.BaseStream.CopyToAsync(stream, stop);
        }
        finally
        {
            encoder.Kill(entireProcessTree: true);
            await encoder.WaitForExitAsync(CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_frameFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}

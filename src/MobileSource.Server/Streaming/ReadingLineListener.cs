using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Streaming;

/// <summary>
/// Accepts devices that stream their records over TCP, one connection each (<see cref="ReadingLineConnection"/>).
/// A failing connection is closed alone; the listener and the others go on.
/// </summary>
public sealed class ReadingLineListener(IServiceProvider services, IOptions<ReadingLineOptions> options, ILogger<ReadingLineListener> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port listened on, once listening (the configured one, or the one the system chose for port 0).</summary>
    public Task<int> Port => _port.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            _port.TrySetCanceled(stoppingToken);
            return;
        }
        var listener = new TcpListener(IPAddress.Parse(o.Address), o.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException ex)
        {
            _port.TrySetException(ex);
            logger.LogError(ex, "Device line protocol: cannot listen on {Address}:{Port}", o.Address, o.Port);
            return;
        }
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _port.TrySetResult(port);
        logger.LogInformation("Device line protocol listening on {Address}:{Port}", o.Address, port);
        var connections = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(Task.Run(() => ServeAsync(client, stoppingToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
        try
        {
            using (client)
            {
                client.NoDelay = true;
                var connection = ActivatorUtilities.CreateInstance<ReadingLineConnection>(services, client.GetStream(), remote);
                await connection.RunAsync(stoppingToken);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug(ex, "Device connection {Remote} ended", remote);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Device connection {Remote} failed", remote);
        }
    }
}

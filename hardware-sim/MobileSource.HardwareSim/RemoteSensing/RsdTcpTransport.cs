using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>
/// The streaming devices' line protocol: after <c>AUTH &lt;api-key&gt;</c>, one JSON record a line; the server answers
/// each record with one JSON line, in order, once it is stored. A broken connection is opened again on the next send.
/// </summary>
public sealed class RsdTcpTransport(string host, int port, string apiKey) : IRsdTransport
{
    private TcpClient? _client;
    private Stream? _stream;
    private StreamReader? _reader;

    public async Task<IReadOnlyList<RsdAck>> SendAsync(IReadOnlyList<RsdRecord> records, CancellationToken ct)
    {
        try
        {
            var (stream, reader) = await ConnectedAsync(ct);
            var writing = WriteAsync(stream, records, ct);
            var acks = new RsdAck[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var line = await reader.ReadLineAsync(ct) ?? throw new IOException("the server closed the connection");
                using var ack = JsonDocument.Parse(line);
                var root = ack.RootElement;
                var outcome = root.TryGetProperty("outcome", out var o) ? o.GetString() : null;
                var error = root.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0 ? e[0].GetProperty("field").GetString()
                    : root.TryGetProperty("error", out var text) ? text.GetString() : null;
                acks[i] = new RsdAck(root.GetProperty("status").GetString()!, outcome, error);
            }
            await writing;
            if (acks.FirstOrDefault(a => a.Status == "error") is { } failed)
            {
                // Not stored: the whole batch goes again, and what was stored comes back as duplicates.
                throw new IOException($"the server could not store a record: {failed.Error}");
            }
            return acks;
        }
        catch
        {
            Close();
            throw;
        }
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<RsdRecord> records, CancellationToken ct)
    {
        using var buffer = new MemoryStream(records.Sum(r => r.Json.Length + 1));
        foreach (var record in records)
        {
            buffer.Write(record.Json);
            buffer.WriteByte((byte)'\n');
        }
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        await stream.FlushAsync(ct);
    }

    private async Task<(Stream, StreamReader)> ConnectedAsync(CancellationToken ct)
    {
        if (_stream is not null && _reader is not null)
        {
            return (_stream, _reader);
        }
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, ct);
            var stream = client.GetStream();
            var reader = new StreamReader(stream, new UTF8Encoding(false), false, 64 * 1024);
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"AUTH {apiKey}\n"), ct);
            var answer = await reader.ReadLineAsync(ct) ?? throw new IOException("the server closed the connection after AUTH");
            using (var auth = JsonDocument.Parse(answer))
            {
                if (auth.RootElement.GetProperty("auth").GetString() != "ok")
                {
                    throw new InvalidOperationException($"the server refused the key: {answer}");
                }
            }
            (_client, _stream, _reader) = (client, stream, reader);
            return (stream, reader);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _reader?.Dispose();
        _client?.Dispose();
        (_client, _stream, _reader) = (null, null, null);
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}

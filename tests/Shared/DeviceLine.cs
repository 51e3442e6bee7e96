using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace MobileSource.Tests.Shared;

/// <summary>A device on the TCP line protocol: AUTH, then one JSON record a line, one JSON answer a line.</summary>
public sealed class DeviceLine : IAsyncDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };
    private StreamReader _reader = null!;
    private Stream _stream = null!;

    public static async Task<(DeviceLine Line, JsonDocument Auth)> ConnectAsync(int port, string apiKey)
    {
        var line = new DeviceLine();
        await line._client.ConnectAsync("127.0.0.1", port);
        line._stream = line._client.GetStream();
        line._reader = new StreamReader(line._stream, new UTF8Encoding(false));
        await line.SendRawAsync($"AUTH {apiKey}\n");
        return (line, await line.ReadAnswerAsync() ?? throw new IOException("closed before answering AUTH"));
    }

    public Task SendAsync(params object[] records) =>
        SendRawAsync(string.Concat(records.Select(r => (r as string ?? JsonSerializer.Serialize(r)) + "\n")));

    public Task SendRawAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendBytesAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next answer line, or null when the server closed the connection.</summary>
    public async Task<JsonDocument?> ReadAnswerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await _reader.ReadLineAsync(timeout.Token);
        return line is null ? null : JsonDocument.Parse(line);
    }

    public async Task<List<JsonElement>> ReadAnswersAsync(int count)
    {
        var answers = new List<JsonElement>(count);
        for (var i = 0; i < count; i++)
        {
            using var answer = await ReadAnswerAsync() ?? throw new IOException($"the server closed after {i} of {count} answers");
            answers.Add(answer.RootElement.Clone());
        }
        return answers;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}

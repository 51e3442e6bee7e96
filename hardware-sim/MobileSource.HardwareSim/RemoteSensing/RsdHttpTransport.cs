using System.Net.Http.Headers;
using System.Text.Json;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>Posts records as one JSON array to <c>POST /api/remote-sensing/readings</c> and reads one result per record.</summary>
public sealed class RsdHttpTransport : IRsdTransport
{
    private readonly HttpClient _http;

    public RsdHttpTransport(Uri server, string apiKey)
        : this(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = server }, apiKey)
    {
    }

    /// <summary>Over a client of the caller's (an in-process test server's), which this transport then owns.</summary>
    public RsdHttpTransport(HttpClient http, string apiKey)
    {
        _http = http;
        _http.Timeout = TimeSpan.FromSeconds(30);
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public async Task<IReadOnlyList<RsdAck>> SendAsync(IReadOnlyList<RsdRecord> records, CancellationToken ct)
    {
        var body = new MemoryStream(records.Sum(r => r.Json.Length + 1) + 2);
        body.WriteByte((byte)'[');
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                body.WriteByte((byte)',');
            }
            body.Write(records[i].Json);
        }
        body.WriteByte((byte)']');
        body.Position = 0;
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("api/remote-sensing/readings", content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {Shorten(text)}");
        }
        using var document = JsonDocument.Parse(text);
        var acks = new RsdAck[records.Count];
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("index").GetInt32();
            var outcome = result.TryGetProperty("judgement", out var j) && j.ValueKind == JsonValueKind.Object
                ? j.GetProperty("outcome").GetString()
                : null;
            var error = result.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0 ? e[0].GetProperty("field").GetString() : null;
            acks[index] = new RsdAck(result.GetProperty("status").GetString()!, outcome, error);
        }
        if (acks.Any(a => a is null))
        {
            throw new InvalidOperationException("the server's answer lacks a result for some records");
        }
        return acks;
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "...";

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}

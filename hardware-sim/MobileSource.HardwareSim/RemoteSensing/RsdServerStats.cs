using System.Text.Json;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>The server's own intake statistics (<c>/api/remote-sensing/stats</c>): reset before a measured run, read after.</summary>
public sealed class RsdServerStats(Uri server, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, DefaultRequestHeaders = { { "X-Api-Key", apiKey } } };

    public async Task ResetAsync(CancellationToken ct)
    {
        using var response = await _http.PostAsync("api/remote-sensing/stats/reset", null, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Records stored since the reset and the server's receipt-to-stored and receipt-to-rule latencies, as text.</summary>
    public async Task<(long Accepted, string Text)> ReadAsync(CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("api/remote-sensing/stats", ct));
        var s = document.RootElement;
        string Latency(string name)
        {
            var l = s.GetProperty(name);
            return $"p50 {l.GetProperty("p50Ms")} ms, p99 {l.GetProperty("p99Ms")} ms, max {l.GetProperty("maxMs")} ms ({l.GetProperty("count")} records)";
        }
        var accepted = s.GetProperty("accepted").GetInt64();
        return (accepted,
            $"server      stored {accepted}, duplicates {s.GetProperty("duplicates")}, rejected {s.GetProperty("rejected")}, failed to store {s.GetProperty("failed")}\n"
            + $"server      receipt -> judged and stored: {Latency("receiptToStored")}\n"
            + $"server      receipt -> over-limit rule:   {Latency("receiptToOverLimitRule")}\n");
    }

    public void Dispose() => _http.Dispose();
}

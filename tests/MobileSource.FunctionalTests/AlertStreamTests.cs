using System.Text.Json;

namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class AlertStreamTests(ServerFixture server)
{
    [Fact]
    public async Task The_police_stream_delivers_a_new_listing_as_a_server_sent_event()
    {
        const string plate = "豫F3S777";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW777777")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        using var response = await server.Api.Client("police").SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        await server.Api.PostReadingsAsync(Records.Diesel("SSE-1", plate, t0, opacity: 60), Records.Diesel("SSE-2", plate, t0.AddHours(2), opacity: 55));

        var alert = await NextAlertForAsync(reader, plate, timeout.Token);
        Assert.Equal("listed", alert.GetProperty("kind").GetString());
        Assert.Equal("豫F·3S777", alert.GetProperty("plate").GetString());
        Assert.Equal("RemoteSensingOverLimit", alert.GetProperty("reason").GetString());
    }

    private static async Task<JsonElement> NextAlertForAsync(StreamReader reader, string plate, CancellationToken ct)
    {
        string? id = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(line[6..]);
                Assert.Equal(id, doc.RootElement.GetProperty("id").GetInt64().ToString());
                if (doc.RootElement.GetProperty("plateNumber").GetString() == plate)
                {
                    return doc.RootElement.Clone();
                }
            }
        }
        throw new InvalidOperationException("The alert stream ended.");
    }
}

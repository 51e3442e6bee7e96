using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>
/// An administrator gives an officer the places they cover: their board gets only the hits there (live and on load),
/// their quota counts those places, and the change is audited. Devices and other systems (API keys) see every hit.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CheckpointTests(ServerFixture server)
{
    private const string Password = "correct-horse-7";
    private const string AtQibin = "豫F7C101";
    private const string AtShancheng = "豫F7C102";
    private const string QibinPlace = "remote-sensing site CP-QB";

    [Fact]
    public async Task An_officer_sees_and_counts_only_the_checkpoints_an_administrator_gave_them()
    {
        var admin = server.Api.Client("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "police.cp", displayName = "王警官", role = "police", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "station.cp", displayName = "检测站", role = "inspection-station", password = Password })).StatusCode);
        await EnforcementFlow.ListTruckAsync(server.Api, AtQibin, "LZZ5ELND8JW7C1011", site: "CP-QB");
        await EnforcementFlow.ListTruckAsync(server.Api, AtShancheng, "LZZ5ELND8JW7C1022", site: "CP-SC");
        // Seen at the Qibin site today: the heavy-vehicle traffic its officer's quota is measured against.
        using (await server.Api.PostReadingsAsync(Records.Diesel($"{AtQibin}-T", AtQibin, DateTimeOffset.UtcNow.AddMinutes(-1), site: "CP-QB")))
        {
        }

        var places = await admin.GetFromJsonAsync<List<string>>("/api/accounts/places");
        Assert.Contains(QibinPlace, places!);
        Assert.Contains("remote-sensing site CP-SC", places!);
        var assigned = await admin.PutAsJsonAsync("/api/accounts/police.cp/checkpoints", new { places = new[] { QibinPlace, " " + QibinPlace } });
        Assert.Equal([QibinPlace], await assigned.Content.ReadFromJsonAsync<List<string>>());
        var notPolice = await admin.PutAsJsonAsync("/api/accounts/station.cp/checkpoints", new { places = new[] { QibinPlace } });
        Assert.Equal(HttpStatusCode.BadRequest, notPolice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/accounts/nobody.cp/checkpoints", new { places = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Api.Client("police").PutAsJsonAsync("/api/accounts/police.cp/checkpoints", new { places = Array.Empty<string>() })).StatusCode);

        var officer = server.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/account/sign-in", new { userName = "police.cp", password = Password })).StatusCode);
        var me = await officer.GetFromJsonAsync<JsonElement>("/account/me");
        Assert.Equal([QibinPlace], me.GetProperty("checkpoints").EnumerateArray().Select(p => p.GetString()));

        var board = await PlatesAsync(officer, "/api/alerts/recent?limit=1000");
        Assert.Contains(AtQibin, board);
        Assert.DoesNotContain(AtShancheng, board);
        Assert.DoesNotContain(AtShancheng, await PlatesAsync(officer, "/api/alerts?after=0&limit=1000"));
        var everything = await PlatesAsync(server.Api.Client("police"), "/api/alerts?after=0&limit=1000");
        Assert.Contains(AtShancheng, everything);

        // The live stream too: a new hit elsewhere is not sent to this officer, the next one at their site is.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await officer.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        await EnforcementFlow.ListTruckAsync(server.Api, "豫F7C103", "LZZ5ELND8JW7C1033", site: "CP-SC");
        await EnforcementFlow.ListTruckAsync(server.Api, "豫F7C104", "LZZ5ELND8JW7C1044", site: "CP-QB");
        Assert.Equal("豫F7C104", await NextPlateAsync(reader, timeout.Token));

        // Checked at the Qibin site: the officer's quota is that check against the trucks the site saw today.
        var check = await officer.PostAsJsonAsync("/api/roadside-checks", new
        {
            plate = AtQibin, plateColour = "yellow", checkpoint = QibinPlace, smokeK = 0.6, decision = "release",
        });
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        var quota = await officer.GetFromJsonAsync<JsonElement>("/api/roadside-checks/today");
        Assert.Equal(1, quota.GetProperty("roadsideChecks").GetInt32());
        Assert.Equal(1, quota.GetProperty("heavyVehiclesSeen").GetInt32());
        Assert.Equal([QibinPlace], quota.GetProperty("places").EnumerateArray().Select(p => p.GetString()));
        var city = await server.Api.Client("police").GetFromJsonAsync<JsonElement>("/api/roadside-checks/today");
        Assert.Empty(city.GetProperty("places").EnumerateArray());

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?limit=200");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "account.checkpoints" && e.GetProperty("subject").GetString() == "police.cp");
        Assert.Equal(QibinPlace, entry.GetProperty("detail").GetString());
    }

    private static async Task<List<string?>> PlatesAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(a => a.GetProperty("plateNumber").GetString()).ToList();

    private static async Task<string?> NextPlateAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(line[6..]);
                return doc.RootElement.GetProperty("plateNumber").GetString();
            }
        }
        return null;
    }
}

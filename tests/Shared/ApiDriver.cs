using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MobileSource.Tests.Shared;

/// <summary>Talks to the server's HTTP API the way stations, devices and the police do, one API key per role.</summary>
public sealed class ApiDriver(Func<HttpClient> newClient, string adminKey)
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public HttpClient Admin => Client("admin");

    /// <summary>A client holding a key of <paramref name="role"/>, issued through the API by the admin key.</summary>
    public HttpClient Client(string role)
    {
        lock (_clients)
        {
            if (_clients.TryGetValue(role, out var existing))
            {
                return existing;
            }
        }
        var key = role == "admin" ? adminKey : IssueKeyAsync(role).GetAwaiter().GetResult();
        var client = WithKey(key);
        lock (_clients)
        {
            _clients[role] = client;
        }
        return client;
    }

    public HttpClient WithKey(string? key)
    {
        var client = newClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public async Task<string> IssueKeyAsync(string role)
    {
        var admin = WithKey(adminKey);
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = $"test {role} {Guid.NewGuid():N}", role });
        await EnsureAsync(response, HttpStatusCode.Created);
        using var body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("key").GetString()!;
    }

    public async Task<JsonDocument> ImportRegistryAsync(string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var response = await Client("operator").PostAsync("/api/registry/import", content);
        await EnsureAsync(response, HttpStatusCode.OK);
        return await ReadJsonAsync(response);
    }

    /// <summary>
    /// Sends device records, after registering (as the bureau does before a device goes live) every site they come from
    /// that this driver has not registered yet, with one calibrated line L1. <see cref="PostUnregisteredReadingsAsync"/> does not.
    /// </summary>
    public async Task<JsonDocument> PostReadingsAsync(params object[] records)
    {
        foreach (var site in records.OfType<IDictionary<string, object?>>().Select(r => r.TryGetValue("dwbh", out var s) ? s as string : null).OfType<string>().Distinct())
        {
            await RegisterSiteAsync(site);
        }
        return await PostUnregisteredReadingsAsync(records);
    }

    private readonly HashSet<string> _registeredSites = [];

    public async Task RegisterSiteAsync(string siteNo, DateOnly? calibrationValidUntil = null, object? limits = null)
    {
        lock (_registeredSites)
        {
            var isNew = _registeredSites.Add(siteNo);
            if (!isNew && calibrationValidUntil is null && limits is null)
            {
                return; // registered before, perhaps on purpose with an expired instrument or its own limits: keep that
            }
        }
        var response = await Client("operator").PutAsJsonAsync($"/api/remote-sensing/sites/{Uri.EscapeDataString(siteNo)}", new
        {
            name = $"test site {siteNo}",
            lanes = 2,
            limits,
            lines = new[] { new { lineNo = "L1", instrumentSerial = $"RSD-{siteNo}", calibrationValidUntil = calibrationValidUntil ?? new DateOnly(2099, 12, 31) } },
        });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await EnsureAsync(response, HttpStatusCode.Created);
        }
    }

    public async Task<JsonDocument> PostUnregisteredReadingsAsync(params object[] records)
    {
        var response = await Client("device").PostAsJsonAsync("/api/remote-sensing/readings", records);
        await EnsureAsync(response, HttpStatusCode.OK);
        return await ReadJsonAsync(response);
    }

    public async Task<JsonDocument> BlacklistAsync(string plate)
    {
        var response = await Client("police").GetAsync($"/api/blacklist/{Uri.EscapeDataString(plate)}");
        await EnsureAsync(response, HttpStatusCode.OK);
        return await ReadJsonAsync(response);
    }

    public async Task<bool> IsListedAsync(string plate)
    {
        using var status = await BlacklistAsync(plate);
        return status.RootElement.GetProperty("listed").GetBoolean();
    }

    public async Task<JsonDocument> PostRepairAsync(string plate, string colour, DateTimeOffset repairedAt)
    {
        var response = await Client("repair-station").PostAsJsonAsync("/api/repairs", new
        {
            plate,
            plateColour = colour,
            station = "鹤壁市淇滨区机动车维修站 M-01",
            items = new[] { "replaced DPF", "recalibrated injectors" },
            repairedAt,
        });
        await EnsureAsync(response, HttpStatusCode.Created);
        return await ReadJsonAsync(response);
    }

    public async Task<JsonDocument> PostInspectionAsync(string plate, string colour, double smokeK, DateTimeOffset testedAt)
    {
        var response = await Client("inspection-station").PostAsJsonAsync("/api/inspections", new
        {
            plate,
            plateColour = colour,
            station = "鹤壁市机动车检测站 I-03",
            method = "FreeAcceleration",
            values = new { smokeK },
            testedAt,
        });
        await EnsureAsync(response, HttpStatusCode.Created);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }
}

using System.Text.Json;

namespace MobileSource.Tests.Shared;

/// <summary>
/// The closed loop end to end through the HTTP API: registry import, two over-limit readings, listing,
/// police alert, repair, passing re-test, delisting. Used on the embedded default and on PostgreSQL + RabbitMQ.
/// </summary>
public static class EnforcementFlow
{
    public static async Task RunAsync(ApiDriver api, string plate, TimeSpan asyncTimeout, Func<Task>? betweenReadings = null)
    {
        var vin = "LFWSRXRJ" + Math.Abs(plate.GetHashCode()).ToString("D9")[..9];
        using (var import = await api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, vin))))
        {
            var r = import.RootElement;
            Assert.Equal(0, r.GetProperty("rejectedCount").GetInt32());
            Assert.Equal(1, r.GetProperty("inserted").GetInt32() + r.GetProperty("unchanged").GetInt32() + r.GetProperty("updated").GetInt32());
        }

        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        var prefix = $"{plate}-{Guid.NewGuid():N}"[..24];
        using (var first = await api.PostReadingsAsync(Records.Diesel($"{prefix}-1", plate, t0, noPpm: 1820)))
        {
            var result = first.RootElement.GetProperty("results")[0];
            Assert.Equal("accepted", result.GetProperty("status").GetString());
            Assert.Equal("fail", result.GetProperty("judgement").GetProperty("outcome").GetString());
        }
        if (betweenReadings is not null)
        {
            await betweenReadings();
        }
        using (var second = await api.PostReadingsAsync(Records.Diesel($"{prefix}-2", plate, t0.AddDays(1), noPpm: 1700)))
        {
            Assert.Equal("accepted", second.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        }

        await Eventually.TrueAsync(() => api.IsListedAsync(plate), asyncTimeout, $"{plate} listed after two over-limit readings");
        Guid caseId;
        using (var status = await api.BlacklistAsync(plate))
        {
            var entry = status.RootElement.GetProperty("entries")[0];
            Assert.Equal("RemoteSensingOverLimit", entry.GetProperty("reason").GetString());
            Assert.Contains($"{prefix}-1", entry.GetProperty("evidence").GetString());
            caseId = entry.GetProperty("caseId").GetGuid();
        }

        await Eventually.TrueAsync(async () => (await AlertsForAsync(api, plate)).Any(a => a.GetProperty("kind").GetString() == "listed"),
            asyncTimeout, $"a police alert for {plate}");

        // A pass before the repair does not delist: the city requires the repair station's record first.
        using (var early = await api.PostInspectionAsync(plate, "yellow", smokeK: 0.4, DateTimeOffset.UtcNow))
        {
            Assert.True(early.RootElement.GetProperty("passed").GetBoolean());
            Assert.Empty(early.RootElement.GetProperty("delistedCases").EnumerateArray());
            Assert.True(early.RootElement.GetProperty("stillListed").GetBoolean());
        }

        using (var repair = await api.PostRepairAsync(plate, "yellow", DateTimeOffset.UtcNow))
        {
            Assert.Contains(caseId, repair.RootElement.GetProperty("casesRepaired").EnumerateArray().Select(e => e.GetGuid()));
        }
        using (var retest = await api.PostInspectionAsync(plate, "yellow", smokeK: 0.5, DateTimeOffset.UtcNow))
        {
            Assert.True(retest.RootElement.GetProperty("passed").GetBoolean());
            Assert.Contains(caseId, retest.RootElement.GetProperty("delistedCases").EnumerateArray().Select(e => e.GetGuid()));
        }
        Assert.False(await api.IsListedAsync(plate));

        var response = await api.Client("police").GetAsync($"/api/cases/{caseId}");
        await ApiDriver.EnsureAsync(response, System.Net.HttpStatusCode.OK);
        using var caseBody = await ApiDriver.ReadJsonAsync(response);
        var states = caseBody.RootElement.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Listed", "Repaired", "Delisted"], states);
    }

    /// <summary>Registers a diesel truck and sends two over-limit NO readings of it (3 and 2 days ago): enough to list it.</summary>
    public static async Task ReportTwoFailuresAsync(ApiDriver api, string plate, string vin, string site = "HB-RS-001", string? owner = null)
    {
        var truck = owner is null ? RegistryCsv.DieselTruck(plate, vin) : RegistryCsv.DieselTruck(plate, vin, owner);
        using (await api.ImportRegistryAsync(RegistryCsv.Of(truck)))
        {
        }
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        using (await api.PostReadingsAsync(
                   Records.Diesel($"{plate}-F1", plate, t0, noPpm: 1820, site: site), Records.Diesel($"{plate}-F2", plate, t0.AddDays(1), noPpm: 1700, site: site)))
        {
        }
    }

    /// <summary><see cref="ReportTwoFailuresAsync"/>, then waits until the truck is listed.</summary>
    public static async Task ListTruckAsync(ApiDriver api, string plate, string vin, string site = "HB-RS-001", string? owner = null)
    {
        await ReportTwoFailuresAsync(api, plate, vin, site, owner);
        await Eventually.TrueAsync(() => api.IsListedAsync(plate), TimeSpan.FromSeconds(30), $"{plate} listed after two over-limit readings");
    }

    public static async Task<List<JsonElement>> AlertsForAsync(ApiDriver api, string plate)
    {
        var response = await api.Client("police").GetAsync("/api/alerts?after=0&limit=1000");
        await ApiDriver.EnsureAsync(response, System.Net.HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        return body.RootElement.EnumerateArray().Where(a => a.GetProperty("plateNumber").GetString() == plate).Select(a => a.Clone()).ToList();
    }
}

using System.Net;
using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>What a station sees when a vehicle arrives.</summary>
[Collection(ServerCollection.Name)]
public sealed class StationIntakeTests(ServerFixture server)
{
    [Fact]
    public async Task A_listed_vehicle_shows_why_its_deadline_and_that_no_retest_is_allowed_before_the_repair()
    {
        const string plate = "豫F62001";
        await EnforcementFlow.ListTruckAsync(server.Api, plate, "LFWSRXRJ5HAC62001");

        var before = await IntakeAsync(plate, "inspection-station");
        Assert.True(before.GetProperty("listed").GetBoolean());
        var listedCase = before.GetProperty("cases")[0];
        Assert.Equal("RemoteSensingOverLimit", listedCase.GetProperty("reason").GetString());
        Assert.False(listedCase.GetProperty("retestAllowed").GetBoolean());
        Assert.Contains("repair", listedCase.GetProperty("retestRefusedBecause").GetString());
        Assert.Equal("鹤壁市宏达物流有限公司", before.GetProperty("registered")[0].GetProperty("owner").GetString());

        using (await server.Api.PostRepairAsync(plate, "yellow", DateTimeOffset.UtcNow))
        {
        }
        var after = await IntakeAsync(plate, "repair-station");
        Assert.True(after.GetProperty("cases")[0].GetProperty("retestAllowed").GetBoolean());
        Assert.Single(after.GetProperty("repairs").EnumerateArray());
    }

    [Fact]
    public async Task The_police_and_devices_cannot_use_the_station_intake()
    {
        foreach (var role in new[] { "police", "device" })
        {
            var response = await server.Api.Client(role).GetAsync($"/api/stations/intake/{Uri.EscapeDataString("豫F62002")}?colour=yellow");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private async Task<JsonElement> IntakeAsync(string plate, string role)
    {
        var response = await server.Api.Client(role).GetAsync($"/api/stations/intake/{Uri.EscapeDataString(plate)}?colour=yellow");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}

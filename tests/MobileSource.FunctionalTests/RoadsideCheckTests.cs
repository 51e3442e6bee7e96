using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>The traffic police record an interception: the server judges the check, and a failed one lists the vehicle.</summary>
[Collection(ServerCollection.Name)]
public sealed class RoadsideCheckTests(ServerFixture server)
{
    private Task<HttpResponseMessage> RecordAsync(object check, string role = "police") =>
        server.Api.Client(role).PostAsJsonAsync("/api/roadside-checks", check);

    [Fact]
    public async Task A_failed_check_is_penalised_under_6063_and_lists_the_vehicle()
    {
        const string plate = "豫F61001";
        var response = await RecordAsync(new
        {
            plate, plateColour = "yellow", checkpoint = "淇滨卡口", smokeK = 2.4, obdCommunicationOk = true, obdMilOn = true,
            obdFaultCodes = 2, obdReadiness = true, decision = "penalty", fineYuan = 100,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var r = result.RootElement;
        Assert.False(r.GetProperty("passed").GetBoolean());
        Assert.Equal(("Penalty", "6063", 100), (r.GetProperty("decision").GetString(), r.GetProperty("violationCode").GetString(), r.GetProperty("fineYuan").GetInt32()));
        Assert.Contains(r.GetProperty("failures").EnumerateArray(), f => f.GetString()!.Contains("free acceleration smoke k 2.4"));
        Assert.True(r.GetProperty("violationRecorded").GetBoolean());

        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed after a failed roadside check");
        using var status = await server.Api.BlacklistAsync(plate);
        Assert.Equal("RoadsideCheckFailed", status.RootElement.GetProperty("entries")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_clean_vehicle_is_released_and_cannot_be_penalised()
    {
        var clean = new { plate = "豫F61002", plateColour = "yellow", checkpoint = "淇滨卡口", smokeK = 0.4, decision = "release" };
        var released = await RecordAsync(clean);
        Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        using (var body = JsonDocument.Parse(await released.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("passed").GetBoolean());
            Assert.False(body.RootElement.GetProperty("violationRecorded").GetBoolean());
        }

        var penalised = await RecordAsync(clean with { decision = "penalty" });
        await AssertFieldAsync(penalised, "decision", "passed the check");
    }

    [Fact]
    public async Task A_check_with_nothing_measured_or_a_fine_out_of_range_is_refused_naming_the_field()
    {
        await AssertFieldAsync(await RecordAsync(new { plate = "豫F61003", plateColour = "yellow", checkpoint = "X", decision = "release" }),
            "smokeK", "record the free-acceleration smoke k");
        await AssertFieldAsync(await RecordAsync(new { plate = "豫F61003", plateColour = "yellow", checkpoint = "X", smokeK = 3.0, decision = "penalty", fineYuan = 500 }),
            "fineYuan", "20-200 yuan");
        await AssertFieldAsync(await RecordAsync(new { plate = "not a plate", plateColour = "yellow", checkpoint = "", smokeK = 3.0, decision = "maybe" }),
            "plate", "not a valid plate");
    }

    [Fact]
    public async Task Todays_checks_are_counted_against_the_heavy_vehicles_seen_today()
    {
        async Task<(int Checks, int Seen)> TodayAsync()
        {
            using var body = JsonDocument.Parse(await server.Api.Client("police").GetStringAsync("/api/roadside-checks/today"));
            Assert.Equal(0.15, body.RootElement.GetProperty("target").GetDouble());
            return (body.RootElement.GetProperty("roadsideChecks").GetInt32(), body.RootElement.GetProperty("heavyVehiclesSeen").GetInt32());
        }
        var before = await TodayAsync();
        using (await server.Api.PostReadingsAsync(Records.Diesel("QUOTA-1", "豫F61010", DateTimeOffset.UtcNow.AddSeconds(-5), site: "HB-RS-941")))
        {
        }
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(new { plate = "豫F61010", plateColour = "yellow", checkpoint = "X", smokeK = 0.3, decision = "release" })).StatusCode);

        var after = await TodayAsync();

        // Other tests add to today's figures too: at least this check and this truck are counted.
        Assert.True(after.Checks >= before.Checks + 1 && after.Seen >= before.Seen + 1, $"before {before}, after {after}");
    }

    [Fact]
    public async Task Only_the_police_record_interceptions()
    {
        var response = await RecordAsync(new { plate = "豫F61004", plateColour = "yellow", checkpoint = "X", smokeK = 0.3, decision = "release" }, "operator");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, string text)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(text));
    }
}

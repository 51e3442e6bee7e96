using System.Net;
using System.Net.Http.Json;

namespace MobileSource.FunctionalTests;

/// <summary>Cases a review found: each once produced a wrong listing, a lost record or a 500.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReviewRegressionTests(ServerFixture server)
{
    [Fact]
    public async Task After_delisting_the_old_readings_no_longer_count_and_only_a_lane_test_delists_a_diesel()
    {
        const string plate = "豫F70001";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAA70001")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-2);
        await server.Api.PostReadingsAsync(Records.Diesel("RL-1", plate, t0, noPpm: 1900), Records.Diesel("RL-2", plate, t0.AddHours(1), noPpm: 1900));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed");
        await server.Api.PostRepairAsync(plate, "yellow", DateTimeOffset.UtcNow);

        var ringelmann = await server.Api.Client("inspection-station").PostAsJsonAsync("/api/inspections", new
        {
            plate, plateColour = "yellow", station = "I-03", method = "Ringelmann", values = new { ringelmannLevel = 0 }, testedAt = DateTimeOffset.UtcNow,
        });
        using (var body = await ApiDriver.ReadJsonAsync(ringelmann))
        {
            Assert.True(body.RootElement.GetProperty("passed").GetBoolean());
            Assert.Empty(body.RootElement.GetProperty("delistedCases").EnumerateArray());
            Assert.Contains("FreeAcceleration", body.RootElement.GetProperty("retestRefused")[0].GetProperty("reason").GetString());
        }
        using (await server.Api.PostInspectionAsync(plate, "yellow", smokeK: 0.5, DateTimeOffset.UtcNow))
        {
        }
        Assert.False(await server.Api.IsListedAsync(plate));

        // One failure after the repair must not combine with the failures that led to the first listing.
        var after = DateTimeOffset.UtcNow.AddMinutes(1);
        await server.Api.PostReadingsAsync(Records.Diesel("RL-3", plate, after, noPpm: 1900));
        await server.Api.PostReadingsAsync(Records.Diesel("RL-4", plate, after.AddMinutes(1), noPpm: 1900));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed again after two new failures");
        using var status = await server.Api.BlacklistAsync(plate);
        var evidence = status.RootElement.GetProperty("entries")[0].GetProperty("evidence").GetString()!;
        Assert.Contains("RL-3, RL-4", evidence);
        Assert.DoesNotContain("RL-2", evidence);
    }

    [Fact]
    public async Task Two_failures_that_arrive_out_of_order_still_list()
    {
        const string plate = "豫F70002";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAA70002")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        await server.Api.PostReadingsAsync(Records.Diesel("OO-2", plate, t0.AddDays(1), opacity: 48, site: "HB-RS-021"));
        await server.Api.PostReadingsAsync(Records.Diesel("OO-1", plate, t0, opacity: 51, site: "HB-RS-020"));

        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed from late-arriving readings");
    }

    [Fact]
    public async Task An_impossible_device_time_rejects_that_record_only()
    {
        var bad = Records.Diesel("TIME-BAD", "豫F70003", DateTimeOffset.UtcNow);
        bad["jcrq"] = "0001-01-01 00:00:00";
        var future = Records.Diesel("TIME-FUTURE", "豫F70003", DateTimeOffset.UtcNow.AddDays(30));
        using var body = await server.Api.PostReadingsAsync(Records.Diesel("TIME-GOOD", "豫F70003", DateTimeOffset.UtcNow.AddHours(-1)), bad, future);

        Assert.Equal(1, body.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("rejected").GetInt32());
        Assert.Equal("jcrq", body.RootElement.GetProperty("results")[1].GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Over_long_repair_notes_are_a_400_naming_the_field()
    {
        var response = await server.Api.Client("repair-station").PostAsJsonAsync("/api/repairs", new
        {
            plate = "豫F70004", plateColour = "yellow", station = "M-01", items = new[] { "DPF" }, notes = new string('很', 2500), repairedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task An_obd_read_with_the_malfunction_lamp_on_fails()
    {
        var response = await server.Api.Client("inspection-station").PostAsJsonAsync("/api/inspections", new
        {
            plate = "豫F70005", plateColour = "yellow", station = "I-03", method = "Obd",
            values = new { obdCommunicationOk = true, obdFaultCodes = 0, obdReadiness = true, obdMilOn = true }, testedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ApiDriver.ReadJsonAsync(response);
        Assert.False(body.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_huge_page_number_is_a_400_not_an_overflow()
    {
        var response = await server.Api.Client("police").GetAsync("/api/blacklist?page=2147483647");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

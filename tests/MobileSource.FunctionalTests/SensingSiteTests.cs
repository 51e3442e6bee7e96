using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>Sites and their instruments decide whether a reading may count against a vehicle; the reason is visible.</summary>
[Collection(ServerCollection.Name)]
public sealed class SensingSiteTests(ServerFixture server)
{
    [Fact]
    public async Task Readings_from_an_unregistered_site_are_kept_and_judged_but_never_list_the_vehicle()
    {
        const string plate = "豫F7U001";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW700001")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-2);

        using var answer = await server.Api.PostUnregisteredReadingsAsync(
            Records.Diesel("UNREG-1", plate, t0, noPpm: 1900, site: "HB-RS-UNREG"),
            Records.Diesel("UNREG-2", plate, t0.AddHours(3), noPpm: 2100, site: "HB-RS-UNREG"));

        foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
        {
            Assert.Equal("accepted", result.GetProperty("status").GetString());
            var judgement = result.GetProperty("judgement");
            Assert.Equal("fail", judgement.GetProperty("outcome").GetString());
            Assert.Equal("site HB-RS-UNREG is not registered", judgement.GetProperty("notForEnforcement").GetString());
        }
        await server.Api.ReadingsSoFarHandledAsync("豫F7U002", "UNREG");
        Assert.False(await server.Api.IsListedAsync(plate));
    }

    [Fact]
    public async Task An_instrument_out_of_calibration_does_not_count_and_readings_after_recalibration_do()
    {
        const string plate = "豫F7U003";
        const string site = "HB-RS-CAL";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW700003")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-10);
        await server.Api.RegisterSiteAsync(site, calibrationValidUntil: DateOnly.FromDateTime(t0.AddDays(-1).ToOffset(TimeSpan.FromHours(8)).DateTime));

        using (var expired = await server.Api.PostReadingsAsync(Records.Diesel("CAL-1", plate, t0, opacity: 55, site: site)))
        {
            var reason = expired.RootElement.GetProperty("results")[0].GetProperty("judgement").GetProperty("notForEnforcement").GetString();
            Assert.StartsWith($"instrument RSD-{site} on line L1 was out of calibration", reason);
        }

        await server.Api.RegisterSiteAsync(site, calibrationValidUntil: new DateOnly(2099, 1, 1));
        await server.Api.PostReadingsAsync(Records.Diesel("CAL-2", plate, t0.AddDays(1), opacity: 52, site: site));
        await server.Api.ReadingsSoFarHandledAsync("豫F7U005", "CAL");
        Assert.False(await server.Api.IsListedAsync(plate)); // CAL-1 does not count: one failure so far

        await server.Api.PostReadingsAsync(Records.Diesel("CAL-3", plate, t0.AddDays(2), opacity: 58, site: site));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed after CAL-2 and CAL-3");
        using var status = await server.Api.BlacklistAsync(plate);
        var evidence = status.RootElement.GetProperty("entries")[0].GetProperty("evidence").GetString();
        Assert.Contains("CAL-2, CAL-3", evidence);
        Assert.DoesNotContain("CAL-1", evidence);
    }

    [Fact]
    public async Task A_site_judges_by_its_own_limits()
    {
        await server.Api.RegisterSiteAsync("HB-RS-STRICT", limits: new { dieselOpacityPercent = 20 });

        using var answer = await server.Api.PostReadingsAsync(Records.Diesel("STRICT-1", "豫F7U004", DateTimeOffset.UtcNow.AddHours(-1), opacity: 24, site: "HB-RS-STRICT"));

        var judgement = answer.RootElement.GetProperty("results")[0].GetProperty("judgement");
        Assert.Equal("fail", judgement.GetProperty("outcome").GetString());
        var exceedance = judgement.GetProperty("exceedances")[0];
        Assert.Equal(20, exceedance.GetProperty("limit").GetDouble());
        Assert.True(judgement.GetProperty("notForEnforcement").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_registration_is_listed_with_its_calibration_state_and_audited()
    {
        var operatorClient = server.Api.Client("operator");
        var body = new
        {
            name = "淇滨大道 test",
            lanes = 2,
            longitude = 114.29,
            latitude = 35.74,
            lines = new object[]
            {
                new { lineNo = "L1", instrumentSerial = "RSD-A", calibrationValidUntil = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(200)) },
                new { lineNo = "L2", instrumentSerial = "RSD-B", calibrationValidUntil = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)) },
                new { lineNo = "L3", instrumentSerial = "RSD-C", calibrationValidUntil = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)) },
            },
        };
        var created = await operatorClient.PutAsJsonAsync("/api/remote-sensing/sites/HB-RS-LIST", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await operatorClient.PutAsJsonAsync("/api/remote-sensing/sites/HB-RS-LIST", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var site = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/remote-sensing/sites/HB-RS-LIST"));
        var states = site.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("calibration").GetString()).ToList();
        Assert.Equal(["valid", "expiring", "expired"], states);
        var missing = await operatorClient.GetAsync("/api/remote-sensing/sites/HB-RS-NONE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var byDevice = await server.Api.Client("device").PutAsJsonAsync("/api/remote-sensing/sites/HB-RS-LIST", body);
        Assert.Equal(HttpStatusCode.Forbidden, byDevice.StatusCode);
    }

    [Fact]
    public async Task A_bad_registration_names_each_field()
    {
        var response = await server.Api.Client("operator").PutAsJsonAsync("/api/remote-sensing/sites/HB-RS-BAD", new
        {
            name = "",
            lanes = 0,
            latitude = 135.0,
            limits = new { dieselNoPpm = -5 },
            lines = new object[]
            {
                new { lineNo = "L1", instrumentSerial = "RSD-1", calibrationValidUntil = "2027-01-01" },
                new { lineNo = "l1", instrumentSerial = "", calibratedOn = "2027-02-01", calibrationValidUntil = "2027-01-01" },
                new { lineNo = "L3", instrumentSerial = "RSD-3" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "name", "lanes", "latitude", "limits.dieselNoPpm", "lines[1].lineNo", "lines[1].instrumentSerial", "lines[1].calibratedOn",
            "lines[2].calibrationValidUntil",
        }, fields);
    }
}

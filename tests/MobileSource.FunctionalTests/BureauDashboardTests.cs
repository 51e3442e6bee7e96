using System.Net;
using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>The bureau's figures, counted in the database per local day and site.</summary>
[Collection(ServerCollection.Name)]
public sealed class BureauDashboardTests(ServerFixture server)
{
    [Fact]
    public async Task Readings_over_limit_rates_and_listings_are_counted_per_day_and_site()
    {
        // Days far enough back that no other test's readings fall on them.
        var day1 = DateTimeOffset.UtcNow.Date.AddDays(-50);
        var at = new DateTimeOffset(day1, TimeSpan.Zero).AddHours(-0.5); // 23:30 UTC the day before: 07:30 on day 1 in Beijing
        const string site = "HB-RS-911";
        using (await server.Api.PostReadingsAsync(
                   Records.Diesel("DASH-1", "豫F63001", at, noPpm: 1800, site: site),
                   Records.Diesel("DASH-2", "豫F63002", at.AddMinutes(5), noPpm: 400, site: site),
                   Records.Diesel("DASH-3", "豫F63003", at.AddMinutes(9), noPpm: 300, site: site),
                   Records.Diesel("DASH-4", "豫F63001", at.AddDays(1), noPpm: 1700, site: site)))
        {
        }
        var from = DateOnly.FromDateTime(day1);

        var response = await server.Api.Client("bureau-analyst").GetAsync($"/api/bureau/dashboard?from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var days = body.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        Assert.Equal((3, 1), (days[0].GetProperty("readings").GetInt32(), days[0].GetProperty("overLimit").GetInt32()));
        Assert.Equal(0.3333, days[0].GetProperty("overLimitRate").GetDouble());
        Assert.Equal((1, 1), (days[1].GetProperty("readings").GetInt32(), days[1].GetProperty("overLimit").GetInt32()));
        Assert.Equal(JsonValueKind.Null, days[2].GetProperty("overLimitRate").ValueKind);
        var siteRow = body.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("site").GetString() == site);
        Assert.Equal((4, 2), (siteRow.GetProperty("readings").GetInt32(), siteRow.GetProperty("overLimit").GetInt32()));
        Assert.Equal(0.15, body.RootElement.GetProperty("plan").GetProperty("roadsideTarget").GetDouble());
    }

    [Fact]
    public async Task A_bad_span_names_its_field_and_other_roles_are_kept_out()
    {
        var bad = await server.Api.Client("bureau-analyst").GetAsync("/api/bureau/dashboard?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"from\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Api.Client("police").GetAsync("/api/bureau/dashboard")).StatusCode);
    }
}

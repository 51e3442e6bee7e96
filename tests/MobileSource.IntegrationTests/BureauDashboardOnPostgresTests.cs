using System.Net;
using System.Text.Json;

namespace MobileSource.IntegrationTests;

/// <summary>The bureau's figures are counted by the database: the same answers on PostgreSQL as on SQLite.</summary>
[Collection(ServicesCollection.Name)]
public sealed class BureauDashboardOnPostgresTests(Services services)
{
    [IntegrationFact]
    public async Task Readings_and_rates_per_local_day_and_site_are_counted_by_postgres()
    {
        using var server = new ServerFactory(await services.NewServerSettingsAsync());
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        var day1 = DateTimeOffset.UtcNow.Date.AddDays(-50);
        // 23:30 UTC is 07:30 the next day in Beijing: the local day decides.
        var at = new DateTimeOffset(day1, TimeSpan.Zero).AddHours(-0.5);
        using (await api.PostReadingsAsync(
                   Records.Diesel("PGDASH-1", "豫F64001", at, noPpm: 1800, site: "HB-RS-931"),
                   Records.Diesel("PGDASH-2", "豫F64002", at.AddMinutes(5), noPpm: 400, site: "HB-RS-931")))
        {
        }
        var from = DateOnly.FromDateTime(day1);

        var response = await api.Client("bureau-analyst").GetAsync($"/api/bureau/dashboard?from={from:yyyy-MM-dd}&to={from.AddDays(1):yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = body.RootElement.GetProperty("days")[0];
        Assert.Equal((2, 1, 0.5), (first.GetProperty("readings").GetInt32(), first.GetProperty("overLimit").GetInt32(), first.GetProperty("overLimitRate").GetDouble()));
        Assert.Equal(2, body.RootElement.GetProperty("plan").GetProperty("heavyVehiclesSeen").GetInt32());
    }
}

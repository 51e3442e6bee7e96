using System.Text.Json;

namespace MobileSource.FunctionalTests;

/// <summary>The bureau's screening reports over readings that may count, joined to the registry.</summary>
[Collection(ServerCollection.Name)]
public sealed class ScreeningReportTests(ServerFixture server)
{
    private const string DirtyFleet = "鹤壁报表测试物流有限公司";
    private const string CleanFleet = "鹤壁报表清洁运输有限公司";
    private const string Site = "HB-RS-RPT";

    private static string Vehicle(string plate, int i, string fleet, string stage) =>
        $"{plate},黄,01,LRPT{i:D13},B,{stage},CA4250,B,2015-01-01,{fleet},{fleet}";

    [Fact]
    public async Task High_emitters_by_site_and_operator_fleet_shares_and_clean_screen_candidates()
    {
        var dirty = Enumerable.Range(0, 10).Select(i => $"豫F9R{i:D3}").ToList();
        var clean = Enumerable.Range(0, 20).Select(i => $"豫F9S{i:D3}").ToList();
        var csv = "hphm,cpys,hpzl,clsbdh,rlzl,pfbzjd,clxh,syxz,ccdjrq,syr,yyqy\n"
                  + string.Join("\n", dirty.Select((p, i) => Vehicle(p, i, DirtyFleet, "国III")))
                  + "\n" + string.Join("\n", clean.Select((p, i) => Vehicle(p, 100 + i, CleanFleet, "国V"))) + "\n";
        await server.Api.ImportRegistryAsync(csv);
        var at = DateTimeOffset.UtcNow.AddDays(-5);
        var readings = new List<object>
        {
            // dirty[0] fails twice: a high emitter, and over the limit (listed, a violation this year): 1 of 10 = 10 %.
            Records.Diesel("RPT-D0-1", dirty[0], at, opacity: 52, site: Site),
            Records.Diesel("RPT-D0-2", dirty[0], at.AddHours(1), opacity: 49, site: Site),
            // dirty[1] passes three times: a clean-screen candidate; dirty[2] only twice: not yet.
            Records.Diesel("RPT-D1-1", dirty[1], at, site: Site),
            Records.Diesel("RPT-D1-2", dirty[1], at.AddDays(1), site: Site),
            Records.Diesel("RPT-D1-3", dirty[1], at.AddDays(2), site: "HB-RS-001"),
            Records.Diesel("RPT-D2-1", dirty[2], at, site: Site),
            Records.Diesel("RPT-D2-2", dirty[2], at.AddDays(1), site: Site),
            // clean[0] fails twice too: 1 of 20 = 5 %, under the 10 % that lists a fleet.
            Records.Diesel("RPT-C0-1", clean[0], at, noPpm: 1900, site: Site),
            Records.Diesel("RPT-C0-2", clean[0], at.AddHours(2), noPpm: 1800, site: Site),
        };
        await server.Api.PostReadingsAsync(readings.ToArray());
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(dirty[0]), TimeSpan.FromSeconds(15), "the dirty fleet's truck listed");
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(clean[0]), TimeSpan.FromSeconds(15), "the clean fleet's truck listed");
        var op = server.Api.Client("operator");
        using (var listing = await server.Api.BlacklistAsync(dirty[0]))
        {
            var vehicle = listing.RootElement.GetProperty("registered")[0];
            Assert.Equal(DirtyFleet, vehicle.GetProperty("fleetOperator").GetString());
            Assert.Equal("3", vehicle.GetProperty("emissionStage").GetString());
        }

        using (var bySite = JsonDocument.Parse(await op.GetStringAsync("/api/remote-sensing/reports/high-emitters?by=site")))
        {
            var row = bySite.RootElement.EnumerateArray().Single(r => r.GetProperty("key").GetString() == Site);
            Assert.Equal(4, row.GetProperty("vehiclesMeasured").GetInt32());
            Assert.Equal(2, row.GetProperty("highEmitters").GetInt32());
            Assert.Equal(8, row.GetProperty("readings").GetInt32());
            Assert.Equal(4, row.GetProperty("failedReadings").GetInt32());
        }
        using (var byOperator = JsonDocument.Parse(await op.GetStringAsync("/api/remote-sensing/reports/high-emitters?by=operator")))
        {
            var row = byOperator.RootElement.EnumerateArray().Single(r => r.GetProperty("key").GetString() == DirtyFleet);
            Assert.Equal(3, row.GetProperty("vehiclesMeasured").GetInt32());
            Assert.Equal(1, row.GetProperty("highEmitters").GetInt32());
        }
        using (var byStage = JsonDocument.Parse(await op.GetStringAsync("/api/remote-sensing/reports/high-emitters?by=stage")))
        {
            Assert.Contains(byStage.RootElement.EnumerateArray(), r => r.GetProperty("key").GetString() == "国3" && r.GetProperty("highEmitters").GetInt32() >= 1);
        }
        using (var fleets = JsonDocument.Parse(await op.GetStringAsync("/api/remote-sensing/reports/fleets")))
        {
            var d = fleets.RootElement.EnumerateArray().Single(r => r.GetProperty("operator").GetString() == DirtyFleet);
            Assert.Equal(10, d.GetProperty("registeredVehicles").GetInt32());
            Assert.Equal(1, d.GetProperty("overLimitVehicles").GetInt32());
            Assert.True(d.GetProperty("fleetListed").GetBoolean());
            var c = fleets.RootElement.EnumerateArray().Single(r => r.GetProperty("operator").GetString() == CleanFleet);
            Assert.Equal(0.05, c.GetProperty("share").GetDouble());
            Assert.False(c.GetProperty("fleetListed").GetBoolean());
        }
        using (var candidates = JsonDocument.Parse(await op.GetStringAsync("/api/remote-sensing/reports/clean-screen?minReadings=3")))
        {
            var plates = candidates.RootElement.EnumerateArray().Select(r => r.GetProperty("plate").GetString()).ToHashSet();
            Assert.Contains(dirty[1], plates);
            Assert.DoesNotContain(dirty[2], plates);
            Assert.DoesNotContain(dirty[0], plates);
            var row = candidates.RootElement.EnumerateArray().Single(r => r.GetProperty("plate").GetString() == dirty[1]);
            Assert.Equal(DirtyFleet, row.GetProperty("fleetOperator").GetString());
        }
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await op.GetAsync("/api/remote-sensing/reports/high-emitters?by=colour")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await op.GetAsync("/api/remote-sensing/reports/high-emitters?from=2026-13-01")).StatusCode);
    }
}

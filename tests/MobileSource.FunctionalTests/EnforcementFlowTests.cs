namespace MobileSource.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class EnforcementFlowTests(ServerFixture server)
{
    [Fact]
    public Task Two_over_limit_readings_list_the_truck_and_a_repair_plus_passing_retest_delists_it() =>
        EnforcementFlow.RunAsync(server.Api, "豫F12345", TimeSpan.FromSeconds(15));

    [Fact]
    public async Task A_listed_vehicle_seen_again_by_a_device_raises_a_sighting_alert()
    {
        const string plate = "豫F66Q88";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW123456")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-2);
        await server.Api.PostReadingsAsync(Records.Diesel("SIGHT-1", plate, t0, opacity: 45), Records.Diesel("SIGHT-2", plate, t0.AddHours(5), opacity: 52));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed");

        await server.Api.PostReadingsAsync(Records.Diesel("SIGHT-3", plate, t0.AddDays(1), site: "HB-RS-007"));

        await Eventually.TrueAsync(async () => (await EnforcementFlow.AlertsForAsync(server.Api, plate))
                .Any(a => a.GetProperty("kind").GetString() == "sighted" && a.GetProperty("where").GetString()!.Contains("HB-RS-007")),
            TimeSpan.FromSeconds(15), "a sighting alert at HB-RS-007");
    }

    [Fact]
    public async Task A_pass_between_two_failures_does_not_list()
    {
        const string plate = "豫F0B521";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW654321")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-5);
        await server.Api.PostReadingsAsync(
            Records.Diesel("GAP-1", plate, t0, noPpm: 1900),
            Records.Diesel("GAP-2", plate, t0.AddDays(1), noPpm: 800),
            Records.Diesel("GAP-3", plate, t0.AddDays(2), noPpm: 1900));

        // Let the enforcement consumer drain, using a later listing of another truck as the marker.
        const string marker = "豫F7M001";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(marker, "LZZ5ELND8JW000111")));
        await server.Api.PostReadingsAsync(Records.Diesel("GAP-M1", marker, t0, noPpm: 1900), Records.Diesel("GAP-M2", marker, t0.AddDays(1), noPpm: 1900));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(marker), TimeSpan.FromSeconds(15), "marker listed");

        Assert.False(await server.Api.IsListedAsync(plate));
    }
}

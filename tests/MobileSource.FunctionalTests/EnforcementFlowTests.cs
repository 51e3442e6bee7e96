using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_pass_between_two_failures_breaks_the_streak()
    {
        const string plate = "豫F0B521";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW654321")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-5);
        await server.Api.PostReadingsAsync(
            Records.Diesel("GAP-1", plate, t0, noPpm: 1900),
            Records.Diesel("GAP-2", plate, t0.AddDays(1), noPpm: 800),
            Records.Diesel("GAP-3", plate, t0.AddDays(2), noPpm: 1900));
        await server.Api.PostReadingsAsync(Records.Diesel("GAP-4", plate, t0.AddDays(3), noPpm: 1950));

        // Messages about one plate are handled in order, so the listing comes from GAP-4 and names GAP-3 and
        // GAP-4 only: had GAP-1 and GAP-3 been taken as consecutive, the case would carry GAP-1 as evidence.
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed after GAP-3 and GAP-4");
        using var status = await server.Api.BlacklistAsync(plate);
        var entries = status.RootElement.GetProperty("entries");
        Assert.Equal(1, entries.GetArrayLength());
        var evidence = entries[0].GetProperty("evidence").GetString()!;
        Assert.Contains("GAP-3, GAP-4", evidence);
        Assert.DoesNotContain("GAP-1", evidence);
    }
}

/// <summary>The over-limit window's edges through the whole path: device records, intake, the batched consumer.</summary>
[Collection(ServerCollection.Name)]
public sealed class OverLimitWindowTests(ServerFixture server)
{
    [Theory]
    [InlineData("豫F6W001", 0, true)]    // the earlier failure exactly 6 calendar months before the later: consecutive
    [InlineData("豫F6W002", -1, false)]  // one second earlier: outside the window, no streak
    public async Task Two_failures_six_calendar_months_apart_list_the_vehicle_only_inside_the_window(string plate, int secondsEarlier, bool listed)
    {
        var beijing = TimeSpan.FromHours(8);
        var latest = new DateTimeOffset(DateTime.UtcNow.AddDays(-10).Date.AddHours(9), TimeSpan.Zero).ToOffset(beijing);
        var earlier = latest.AddMonths(-6).AddSeconds(secondsEarlier);
        var prefix = $"WIN-{plate[^3..]}";

        // Sent newest first: the consumer must also find a streak that a late upload completes.
        await server.Api.PostReadingsAsync(Records.Diesel($"{prefix}-2", plate, latest, opacity: 45));
        await server.Api.PostReadingsAsync(Records.Diesel($"{prefix}-1", plate, earlier, opacity: 47));

        if (listed)
        {
            await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed");
        }
        else
        {
            await server.Api.ReadingsSoFarHandledAsync($"豫F6W9{plate[^2..]}", prefix);
            Assert.False(await server.Api.IsListedAsync(plate));
        }
    }
}

/// <summary>What further readings of a listed vehicle do: sightings, not new violations.</summary>
[Collection(ServerCollection.Name)]
public sealed class ListedVehicleReadingsTests(ServerFixture server)
{
    [Fact]
    public async Task Further_failures_of_a_listed_vehicle_raise_one_sighting_per_site_and_no_new_violation()
    {
        const string plate = "豫F6L001";
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        await server.Api.PostReadingsAsync(Records.Diesel("LST-1", plate, t0, opacity: 51), Records.Diesel("LST-2", plate, t0.AddHours(1), opacity: 53));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed");

        await server.Api.PostReadingsAsync(
            Records.Diesel("LST-3", plate, t0.AddDays(1), opacity: 55),
            Records.Diesel("LST-4", plate, t0.AddDays(1).AddMinutes(1), opacity: 58),
            Records.Diesel("LST-5", plate, t0.AddDays(1).AddMinutes(2), opacity: 57),
            Records.Diesel("LST-6", plate, t0.AddDays(1).AddMinutes(30), opacity: 54, site: "HB-RS-002"));
        await server.Api.ReadingsSoFarHandledAsync("豫F6L901", "LST");

        await Eventually.TrueAsync(async () => (await EnforcementFlow.AlertsForAsync(server.Api, plate)).Count(a => a.GetProperty("kind").GetString() == "sighted") >= 2,
            TimeSpan.FromSeconds(15), "sighting alerts");
        var sightings = (await EnforcementFlow.AlertsForAsync(server.Api, plate)).Where(a => a.GetProperty("kind").GetString() == "sighted").ToList();
        Assert.Equal(2, sightings.Count); // one at each site, not one a reading
        using var scope = server.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSource.Infrastructure.Persistence.MobileSourceDbContext>();
        Assert.Equal(1, await db.Violations.CountAsync(v => v.Plate == plate));
    }
}

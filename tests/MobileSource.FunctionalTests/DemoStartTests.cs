using System.Net;
using System.Net.Http.Json;

namespace MobileSource.FunctionalTests;

/// <summary>What scripts/run.sh gives a new user: the demo registry, readings and accounts from seeds/ on an empty database.</summary>
public sealed class DemoStartTests
{
    [Fact]
    public async Task A_fresh_embedded_server_with_the_demo_seed_has_vehicles_a_listed_truck_and_an_alert()
    {
        using var server = new ServerFactory(new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);

        var vehicle = await api.Admin.GetAsync($"/api/vehicles/{Uri.EscapeDataString("豫FA8888")}");
        Assert.Equal(HttpStatusCode.OK, vehicle.StatusCode);

        await Eventually.TrueAsync(() => api.IsListedAsync("豫F12345"), TimeSpan.FromSeconds(15), "the demo truck listed");
        await Eventually.TrueAsync(async () => (await EnforcementFlow.AlertsForAsync(api, "豫F12345")).Count > 0,
            TimeSpan.FromSeconds(15), "a police alert for the demo truck");
        Assert.False(await api.IsListedAsync("豫FA8888"));

        // One person of each role to sign in as.
        foreach (var role in new[] { "admin", "operator", "police", "inspection-station", "repair-station", "bureau-analyst" })
        {
            var signIn = await server.CreateClient().PostAsJsonAsync("/account/sign-in", new { userName = $"{role}.demo", password = "demo-password-2026" });
            Assert.True(signIn.StatusCode == HttpStatusCode.OK, $"{role}.demo: {(int)signIn.StatusCode}");
        }
    }
}

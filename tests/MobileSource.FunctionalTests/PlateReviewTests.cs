using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.FunctionalTests;

/// <summary>Plates read with low confidence or matching the registry only approximately wait for a person.</summary>
[Collection(ServerCollection.Name)]
public sealed class PlateReviewTests(ServerFixture server)
{
    private HttpClient Operator => server.Api.Client("operator");

    private async Task<List<JsonElement>> PendingAsync(string recordPrefix)
    {
        using var page = JsonDocument.Parse(await Operator.GetStringAsync("/api/remote-sensing/reviews?pageSize=500"));
        return page.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("recordNo").GetString()!.StartsWith(recordPrefix, StringComparison.Ordinal))
            .Select(i => i.Clone())
            .ToList();
    }

    private static Dictionary<string, object?> Diesel(string no, string plate, DateTimeOffset at, double confidence, double opacity = 50)
    {
        var record = Records.Diesel(no, plate, at, opacity: opacity);
        record["sbzxd"] = confidence;
        return record;
    }

    [Fact]
    public async Task Low_confidence_failures_wait_for_review_and_count_once_a_person_confirms_the_plate()
    {
        const string plate = "豫F7R001";
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        using (var answer = await server.Api.PostReadingsAsync(Diesel("REV-LOW-1", plate, at, 62), Diesel("REV-LOW-2", plate, at.AddHours(4), 71.5)))
        {
            Assert.All(answer.RootElement.GetProperty("results").EnumerateArray(),
                r => Assert.True(r.GetProperty("judgement").GetProperty("needsPlateReview").GetBoolean()));
        }
        var pending = await PendingAsync("REV-LOW-");
        Assert.Equal(["REV-LOW-1", "REV-LOW-2"], pending.Select(p => p.GetProperty("recordNo").GetString()).Order());
        Assert.Equal("plate read with 62 % confidence, below 80 %", pending.Single(p => p.GetProperty("recordNo").GetString() == "REV-LOW-1").GetProperty("reason").GetString());
        Assert.All(pending, p => Assert.Equal("fail", p.GetProperty("outcome").GetString()));

        await server.Api.ReadingsSoFarHandledAsync("豫F7R091", "REV-LOW");
        Assert.False(await server.Api.IsListedAsync(plate)); // never straight to enforcement

        foreach (var review in pending)
        {
            var confirmed = await Operator.PostAsync($"/api/remote-sensing/reviews/{review.GetProperty("id").GetInt64()}/confirm", null);
            await ApiDriver.EnsureAsync(confirmed, HttpStatusCode.OK);
        }
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), $"{plate} listed once both reads were confirmed");
        Assert.Empty(await PendingAsync("REV-LOW-"));
    }

    [Fact]
    public async Task A_plate_one_look_alike_away_from_a_registered_one_is_reviewed_and_a_correction_counts_for_the_registered_vehicle()
    {
        const string registered = "豫F7R008";
        const string misread = "豫F7R00B";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(registered, "LZZ5ELND8JW730008")));
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        await server.Api.PostReadingsAsync(Diesel("REV-LA-1", misread, at, 95), Diesel("REV-LA-2", misread, at.AddHours(1), 96));

        var pending = await PendingAsync("REV-LA-");
        Assert.Equal(2, pending.Count);
        var first = pending[0];
        Assert.Equal($"{misread} is not registered; a look-alike is: {registered}", first.GetProperty("reason").GetString());
        Assert.Equal([registered], first.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));

        foreach (var review in pending)
        {
            var corrected = await Operator.PostAsJsonAsync($"/api/remote-sensing/reviews/{review.GetProperty("id").GetInt64()}/confirm",
                new { plate = registered, note = "B is an 8 in the plate picture" });
            await ApiDriver.EnsureAsync(corrected, HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync());
            Assert.Equal("corrected", body.RootElement.GetProperty("state").GetString());
        }
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(registered), TimeSpan.FromSeconds(15), $"{registered} listed from the corrected reads");
        Assert.False(await server.Api.IsListedAsync(misread));

        using var scope = server.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var audit = await db.Audit.Where(a => a.Subject == "HB-RS-001/REV-LA-1").SingleAsync();
        Assert.Equal("plate-review.corrected", audit.Action);
        Assert.StartsWith("test operator", audit.Actor);
    }

    [Fact]
    public async Task A_rejected_reading_never_counts_and_a_review_is_decided_once()
    {
        const string plate = "豫F7R003";
        var at = DateTimeOffset.UtcNow.AddDays(-4);
        await server.Api.PostReadingsAsync(Diesel("REV-REJ-1", plate, at, 55), Diesel("REV-REJ-2", plate, at.AddHours(1), 58));
        var pending = await PendingAsync("REV-REJ-");
        var id = pending[0].GetProperty("id").GetInt64();

        var noReason = await Operator.PostAsJsonAsync($"/api/remote-sensing/reviews/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());

        var rejected = await Operator.PostAsJsonAsync($"/api/remote-sensing/reviews/{id}/reject", new { reason = "plate covered in mud" });
        await ApiDriver.EnsureAsync(rejected, HttpStatusCode.OK);
        var again = await Operator.PostAsync($"/api/remote-sensing/reviews/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await Operator.PostAsync($"/api/remote-sensing/reviews/{pending[1].GetProperty("id").GetInt64()}/confirm", null);
        await server.Api.ReadingsSoFarHandledAsync("豫F7R093", "REV-REJ");
        Assert.False(await server.Api.IsListedAsync(plate)); // one confirmed failure, one rejected: no streak

        using var page = JsonDocument.Parse(await Operator.GetStringAsync("/api/remote-sensing/reviews?state=rejected&pageSize=500"));
        var item = page.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal("plate covered in mud", item.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Operator.GetAsync("/api/remote-sensing/reviews?state=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Api.Client("device").GetAsync("/api/remote-sensing/reviews")).StatusCode);
    }
}

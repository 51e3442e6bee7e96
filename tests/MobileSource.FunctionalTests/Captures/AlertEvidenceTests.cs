using System.Net;
using System.Net.Http.Json;

namespace MobileSource.FunctionalTests.Captures;

/// <summary>The police see the pictures behind a black-smoke hit through the alert, and nothing else of the capture store.</summary>
[Collection(ServerCollection.Name)]
public sealed class AlertEvidenceTests(ServerFixture server)
{
    private readonly CaptureDriver _captures = new(server);

    [Fact]
    public async Task The_police_get_the_evidence_behind_their_alert_only()
    {
        const string plate = "豫F3E801";
        var evidence = await _captures.RecordAsync(plate);
        var confirm = await _captures.ConfirmAsync(evidence.CaptureId, new { });
        await ApiDriver.EnsureAsync(confirm, HttpStatusCode.OK);
        var other = await _captures.RecordAsync("豫F3E802"); // a capture behind no alert of this vehicle
        var police = server.Api.Client("police");
        long alertId = 0;
        await Eventually.TrueAsync(async () =>
        {
            var alerts = await EnforcementFlow.AlertsForAsync(server.Api, plate);
            alertId = alerts.Count > 0 ? alerts[0].GetProperty("id").GetInt64() : 0;
            return alertId > 0;
        }, TimeSpan.FromSeconds(15), $"an alert for {plate}");

        var items = (await police.GetFromJsonAsync<List<AlertEvidenceItem>>($"/api/alerts/{alertId}/evidence"))!;

        Assert.Equal(["clip", "vehicle", "smoke", "plate"], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.Equal(evidence.CaptureId, i.CaptureId));
        var picture = await police.GetAsync(items.Single(i => i.Kind == "plate").Url);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType!.MediaType);

        // Not another capture through this alert, and not the capture store itself.
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/alerts/{alertId}/evidence/{other.CaptureId}/plate")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/captures/{other.CaptureId}/files/plate")).StatusCode);
    }

    private sealed record AlertEvidenceItem(Guid CaptureId, string Kind, string ContentType, string Url);
}

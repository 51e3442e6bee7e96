using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MobileSource.Infrastructure.Persistence;

namespace MobileSource.FunctionalTests.Captures;

[Collection(ServerCollection.Name)]
public sealed class CaptureReviewTests(ServerFixture server)
{
    private readonly CaptureDriver _captures = new(server);

    [Fact]
    public async Task An_accepted_capture_is_in_the_pending_queue_with_file_hashes_and_its_files_download_intact()
    {
        var evidence = _captures.Stage("豫F3C701");
        var stagedHashes = evidence.Files.ToDictionary(f => f.Kind, f => CaptureDriver.Sha256(f.Path));
        await _captures.AcceptAsync(evidence);

        Assert.All(evidence.Files, f => Assert.False(File.Exists(f.Path), $"staged {f.Kind} should be gone once recorded"));
        var page = await _captures.Operator.GetFromJsonElementAsync($"/api/captures?state=pending&camera=CAM-QB-01&pageSize=200");
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == evidence.CaptureId);
        Assert.Equal("豫F·3C701", item.GetProperty("plate").GetString());
        Assert.True(item.GetProperty("overLimit").GetBoolean());
        Assert.Equal(1, item.GetProperty("ringelmannLimit").GetDouble());

        var capture = await _captures.GetAsync(evidence.CaptureId);
        var files = capture.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["clip", "vehicle", "smoke", "plate"], files.Select(f => f.GetProperty("kind").GetString()));
        foreach (var file in files)
        {
            var kind = file.GetProperty("kind").GetString()!;
            Assert.Equal(stagedHashes[kind], file.GetProperty("sha256").GetString());
            var download = await _captures.Operator.GetAsync(file.GetProperty("url").GetString());
            await ApiDriver.EnsureAsync(download, HttpStatusCode.OK);
            Assert.Equal(stagedHashes[kind], CaptureDriver.Sha256(await download.Content.ReadAsByteArrayAsync()));
        }

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/captures/{evidence.CaptureId}/files/clip");
        range.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await _captures.Operator.SendAsync(range);
        await ApiDriver.EnsureAsync(partial, HttpStatusCode.PartialContent);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType!.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_retried_hand_over_of_the_same_capture_is_recorded_once()
    {
        var evidence = _captures.Stage("豫F3C702");
        await _captures.AcceptAsync(evidence);
        var retry = _captures.Stage("豫F3C702") with { CaptureId = evidence.CaptureId };
        await _captures.AcceptAsync(retry);

        var page = await _captures.Operator.GetFromJsonElementAsync("/api/captures?camera=CAM-QB-01&pageSize=200");
        Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == evidence.CaptureId);
        Assert.Equal(4, (await _captures.GetAsync(evidence.CaptureId)).GetProperty("files").GetArrayLength());
    }

    [Fact]
    public async Task Confirming_a_capture_over_the_limit_lists_the_vehicle_and_alerts_the_police()
    {
        const string plate = "豫F3C703";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LZZ5ELND8JW3C7030")));
        var evidence = await _captures.RecordAsync(plate, ringelmann: 3);

        var response = await _captures.ConfirmAsync(evidence.CaptureId, new { });
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using (var body = await ApiDriver.ReadJsonAsync(response))
        {
            Assert.Equal("confirmed", body.RootElement.GetProperty("capture").GetProperty("state").GetString());
            var review = body.RootElement.GetProperty("review");
            Assert.StartsWith("test operator", review.GetProperty("by").GetString());
        }

        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed after the confirmed capture");
        using var status = await server.Api.BlacklistAsync(plate);
        var entry = status.RootElement.GetProperty("entries")[0];
        Assert.Contains(evidence.CaptureId.ToString(), entry.GetProperty("evidence").GetString());
        await Eventually.TrueAsync(async () => (await EnforcementFlow.AlertsForAsync(server.Api, plate)).Any(a => a.GetProperty("kind").GetString() == "listed"),
            TimeSpan.FromSeconds(15), "a police alert for the listed truck");
    }

    [Fact]
    public async Task A_capture_under_the_limit_is_confirmed_without_a_violation()
    {
        var evidence = await _captures.RecordAsync("豫F3C704", ringelmann: 1);
        await ApiDriver.EnsureAsync(await _captures.ConfirmAsync(evidence.CaptureId, new { }), HttpStatusCode.OK);

        using var scope = server.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageType.Contains("CaptureConfirmed") && m.Body.Contains(evidence.CaptureId.ToString()));
        await Eventually.TrueAsync(() => db.ProcessedMessages.AsNoTracking().AnyAsync(p => p.MessageId == message.MessageId),
            TimeSpan.FromSeconds(15), "CaptureConfirmed consumed");
        Assert.False(await db.Violations.AnyAsync(v => v.SourceKey == $"capture:{evidence.CaptureId}"));
        var recorded = await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageType == "CaptureRecorded" && m.Body.Contains(evidence.CaptureId.ToString()));
        await Eventually.TrueAsync(() => db.Outbox.AsNoTracking().AnyAsync(m => m.Id == recorded.Id && m.DispatchedAtUtc != null),
            TimeSpan.FromSeconds(15), "CaptureRecorded published on the bus");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_a_second_decision_is_a_conflict_with_the_current_state()
    {
        var evidence = await _captures.RecordAsync("豫F3C705");

        var noReason = await _captures.RejectAsync(evidence.CaptureId, new { reason = " " });
        await ApiDriver.EnsureAsync(noReason, HttpStatusCode.BadRequest);
        Assert.True(await ErrorNamesAsync(noReason, "reason"));

        await ApiDriver.EnsureAsync(await _captures.RejectAsync(evidence.CaptureId, new { reason = "wet road spray, not smoke" }), HttpStatusCode.OK);

        var again = await _captures.ConfirmAsync(evidence.CaptureId, new { });
        await ApiDriver.EnsureAsync(again, HttpStatusCode.Conflict);
        using var body = await ApiDriver.ReadJsonAsync(again);
        Assert.Equal("rejected", body.RootElement.GetProperty("state").GetString());
        var capture = await _captures.GetAsync(evidence.CaptureId);
        Assert.Equal("wet road spray, not smoke", capture.GetProperty("review").GetProperty("rejectReason").GetString());
    }

    [Fact]
    public async Task A_decision_on_a_stale_revision_is_a_conflict()
    {
        var evidence = await _captures.RecordAsync("豫F3C706");
        var stale = await _captures.RejectAsync(evidence.CaptureId, new { reason = "shadow", revision = 7 });
        await ApiDriver.EnsureAsync(stale, HttpStatusCode.Conflict);
        await ApiDriver.EnsureAsync(await _captures.RejectAsync(evidence.CaptureId, new { reason = "shadow", revision = 0 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_plate_edit_needs_a_reason_and_keeps_the_original_read()
    {
        var evidence = await _captures.RecordAsync("豫F3C708", ringelmann: 0.5);

        var noReason = await _captures.ConfirmAsync(evidence.CaptureId, new { plate = "豫F3C709" });
        await ApiDriver.EnsureAsync(noReason, HttpStatusCode.BadRequest);
        Assert.True(await ErrorNamesAsync(noReason, "reason"));

        var badPlate = await _captures.ConfirmAsync(evidence.CaptureId, new { plate = "豫F3C7", reason = "typo" });
        await ApiDriver.EnsureAsync(badPlate, HttpStatusCode.BadRequest);
        Assert.True(await ErrorNamesAsync(badPlate, "plate"));

        var edited = await _captures.ConfirmAsync(evidence.CaptureId, new { plate = "豫F3C709", reason = "OCR read 9 as 8; the plate close-up shows 9" });
        await ApiDriver.EnsureAsync(edited, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(edited);
        Assert.Equal("豫F·3C709", body.RootElement.GetProperty("capture").GetProperty("plate").GetString());
        var correction = body.RootElement.GetProperty("review").GetProperty("plateCorrection");
        Assert.Equal("豫F·3C708", correction.GetProperty("originalPlate").GetString());
        Assert.Contains("close-up", correction.GetProperty("reason").GetString());
        Assert.Equal("豫F·3C708", body.RootElement.GetProperty("visionRead").GetProperty("plate").GetString());
    }

    [Fact]
    public async Task A_capture_without_a_plate_cannot_be_confirmed_without_one()
    {
        var evidence = await _captures.RecordAsync(plate: null);
        var response = await _captures.ConfirmAsync(evidence.CaptureId, new { });
        await ApiDriver.EnsureAsync(response, HttpStatusCode.BadRequest);
        Assert.True(await ErrorNamesAsync(response, "plate"));
    }

    [Theory]
    [InlineData("police")]
    [InlineData("device")]
    public async Task Roles_other_than_operator_and_admin_are_refused(string role)
    {
        var evidence = await _captures.RecordAsync("豫F3C710");
        var client = server.Api.Client(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/captures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _captures.ConfirmAsync(evidence.CaptureId, new { }, client)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Api.WithKey(null).GetAsync("/api/captures")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_evidence_file_is_reported_by_verify()
    {
        var evidence = await _captures.RecordAsync("豫F3C711");
        var intact = await _captures.Operator.GetFromJsonElementAsync($"/api/captures/{evidence.CaptureId}/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());

        var smoke = Directory.GetFiles(_captures.Store.Root, "smoke.jpg", SearchOption.AllDirectories)
            .Single(p => p.Contains(evidence.CaptureId.ToString()));
        File.SetUnixFileMode(smoke, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = await File.ReadAllBytesAsync(smoke);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(smoke, bytes);

        var verified = await _captures.Operator.GetFromJsonElementAsync($"/api/captures/{evidence.CaptureId}/verify");
        Assert.False(verified.GetProperty("intact").GetBoolean());
        var results = verified.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("kind").GetString()!, f => f.GetProperty("result").GetString());
        Assert.Equal("tampered", results["smoke"]);
        Assert.Equal("intact", results["clip"]);
    }

    [Fact]
    public async Task Bad_queue_filters_are_400s_naming_the_parameter()
    {
        var response = await _captures.Operator.GetAsync("/api/captures?state=maybe&from=yesterday");
        await ApiDriver.EnsureAsync(response, HttpStatusCode.BadRequest);
        using var body = await ApiDriver.ReadJsonAsync(response);
        var errors = body.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("state", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }

    private static async Task<bool> ErrorNamesAsync(HttpResponseMessage response, string field)
    {
        using var body = await ApiDriver.ReadJsonAsync(response);
        return body.RootElement.GetProperty("errors").TryGetProperty(field, out _);
    }
}

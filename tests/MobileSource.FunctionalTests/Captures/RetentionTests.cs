using System.Net;
using System.Text.Json;
using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MobileSource.FunctionalTests.Captures;

[Collection(ServerCollection.Name)]
public sealed class RetentionTests(ServerFixture server)
{
    private readonly CaptureDriver _captures = new(server);

    [Fact]
    public async Task Rejected_evidence_is_purged_after_30_days_keeping_rows_and_hashes_while_pending_evidence_stays()
    {
        var rejected = await _captures.RecordAsync("豫F3C740");
        await ApiDriver.EnsureAsync(await _captures.RejectAsync(rejected.CaptureId, new { reason = "steam from a wet exhaust" }), HttpStatusCode.OK);
        var pending = await _captures.RecordAsync("豫F3C741", capturedAt: DateTimeOffset.UtcNow.AddDays(-400));
        var hashesBefore = Hashes(await _captures.GetAsync(rejected.CaptureId));

        await SweepAtAsync(DateTimeOffset.UtcNow.AddDays(29));
        Assert.DoesNotContain(rejected.CaptureId, await PurgedCapturesAsync());

        var result = await SweepAtAsync(DateTimeOffset.UtcNow.AddDays(31));
        Assert.True(result.CaptureFiles >= 4);

        var capture = await _captures.GetAsync(rejected.CaptureId);
        Assert.All(capture.GetProperty("files").EnumerateArray(), f =>
        {
            Assert.Equal(JsonValueKind.Null, f.GetProperty("url").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, f.GetProperty("purgedAt").ValueKind);
        });
        Assert.Equal(hashesBefore, Hashes(capture));
        Assert.DoesNotContain(Directory.GetFiles(_captures.Store.Root, "*", SearchOption.AllDirectories), p => p.Contains(rejected.CaptureId.ToString()));
        Assert.Equal(HttpStatusCode.Gone, (await _captures.Operator.GetAsync($"/api/captures/{rejected.CaptureId}/files/clip")).StatusCode);
        var verify = await _captures.Operator.GetFromJsonElementAsync($"/api/captures/{rejected.CaptureId}/verify");
        Assert.All(verify.GetProperty("files").EnumerateArray(), f => Assert.Equal("purged", f.GetProperty("result").GetString()));

        var stillPending = await _captures.Operator.GetFromJsonElementAsync($"/api/captures/{pending.CaptureId}/verify");
        Assert.True(stillPending.GetProperty("intact").GetBoolean());
        Assert.All(stillPending.GetProperty("files").EnumerateArray(), f => Assert.Equal("intact", f.GetProperty("result").GetString()));
    }

    private async Task<CaptureRetention.SweepResult> SweepAtAsync(DateTimeOffset now)
    {
        using var scope = server.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var retention = new CaptureRetention(
            services.GetRequiredService<MobileSourceDbContext>(), services.GetRequiredService<EvidenceStore>(),
            services.GetRequiredService<IOptions<CaptureOptions>>(), new FixedClock(now), NullLogger<CaptureRetention>.Instance);
        return await retention.SweepAsync(CancellationToken.None);
    }

    private Task<List<Guid>> PurgedCapturesAsync()
    {
        using var scope = server.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        return Task.FromResult(db.CaptureFiles.Where(f => f.PurgedAtUtc != null).Select(f => f.CaptureId).Distinct().ToList());
    }

    private static List<string> Hashes(JsonElement capture) =>
        capture.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("sha256").GetString()!).ToList();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

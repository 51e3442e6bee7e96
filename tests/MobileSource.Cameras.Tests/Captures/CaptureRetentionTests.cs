using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Tests.Captures;

public sealed class CaptureRetentionTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();

    [Fact]
    public async Task Files_are_purged_by_state_and_age_while_rows_and_hashes_stay()
    {
        var rejected = await RecordAsync(CaptureState.Rejected);
        var confirmed = await RecordAsync(CaptureState.Confirmed);
        var pending = await RecordAsync(CaptureState.PendingReview);

        _bed.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await SweepAsync()).CaptureFiles);

        _bed.Clock.Advance(TimeSpan.FromDays(2));
        var first = await SweepAsync();
        Assert.Equal((1, 3), (first.Captures, first.CaptureFiles));
        await AssertPurgedAsync(rejected, purged: true);
        await AssertPurgedAsync(confirmed, purged: false);

        _bed.Clock.Advance(TimeSpan.FromDays(1095));
        var second = await SweepAsync();
        Assert.Equal(1, second.Captures);
        await AssertPurgedAsync(confirmed, purged: true);
        await AssertPurgedAsync(pending, purged: false);
        Assert.Equal(0, (await SweepAsync()).CaptureFiles);

        await using var db = _bed.NewDb();
        Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == "capture.purged"));
    }

    [Fact]
    public async Task Pending_captures_are_purged_only_when_configured()
    {
        _bed.Options.Retention.PendingDays = 400;
        var pending = await RecordAsync(CaptureState.PendingReview);
        _bed.Clock.Advance(TimeSpan.FromDays(401));
        await SweepAsync();
        await AssertPurgedAsync(pending, purged: true);
    }

    [Fact]
    public async Task ANPR_pictures_without_a_capture_go_after_7_days_but_paired_ones_follow_their_capture()
    {
        var lone = await AnprEventAsync(captureId: null);
        var capture = await RecordAsync(CaptureState.PendingReview);
        var paired = await AnprEventAsync(capture);

        _bed.Clock.Advance(TimeSpan.FromDays(8));
        var result = await SweepAsync();
        Assert.Equal((1, 1), (result.AnprEvents, result.AnprPictures));

        await using var db = _bed.NewDb();
        var pictures = await db.AnprPictures.ToDictionaryAsync(p => p.AnprEventId);
        Assert.NotNull(pictures[lone].PurgedAtUtc);
        Assert.False(File.Exists(_bed.Store.FullPath(pictures[lone].RelativePath)));
        Assert.Null(pictures[paired].PurgedAtUtc);
        Assert.True(File.Exists(_bed.Store.FullPath(pictures[paired].RelativePath)));
    }

    private async Task<Guid> RecordAsync(CaptureState state)
    {
        var evidence = _bed.Stage();
        await using var db = _bed.NewDb();
        await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        var capture = await db.Captures.SingleAsync(c => c.Id == evidence.CaptureId);
        capture.State = state;
        capture.ReviewedAtUtc = state == CaptureState.PendingReview ? null : _bed.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return capture.Id;
    }

    private async Task<Guid> AnprEventAsync(Guid? captureId)
    {
        var id = Guid.NewGuid();
        var now = _bed.Clock.GetUtcNow().UtcDateTime;
        using var picture = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        var stored = await _bed.Store.StoreAsync(picture, $"{EvidenceStore.AnprFolder(id, now)}/plate.jpg", CancellationToken.None);
        await using var db = _bed.NewDb();
        db.AnprEvents.Add(new AnprEvent
        {
            Id = id, CameraId = "CAM-T-01", Vendor = "hikvision", RawPlate = "豫F12345", Plate = "豫F12345", EventAtUtc = now,
            ReceivedAtUtc = now, CaptureId = captureId,
            Pictures = [new AnprPicture { Name = "plate.jpg", RelativePath = stored.RelativePath, Sha256 = stored.Sha256, Size = stored.Size, ContentType = "image/jpeg" }],
        });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<CaptureRetention.SweepResult> SweepAsync()
    {
        await using var db = _bed.NewDb();
        return await _bed.Retention(db).SweepAsync(CancellationToken.None);
    }

    private async Task AssertPurgedAsync(Guid captureId, bool purged)
    {
        await using var db = _bed.NewDb();
        var files = await db.CaptureFiles.Where(f => f.CaptureId == captureId).ToListAsync();
        Assert.Equal(3, files.Count);
        Assert.All(files, f =>
        {
            Assert.Equal(purged, f.PurgedAtUtc is not null);
            Assert.Equal(!purged, File.Exists(_bed.Store.FullPath(f.RelativePath)));
            Assert.Equal(64, f.Sha256.Length);
        });
    }

    public void Dispose() => _bed.Dispose();
}

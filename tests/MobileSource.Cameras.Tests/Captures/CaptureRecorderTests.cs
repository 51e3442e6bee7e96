using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Tests.Captures;

public sealed class CaptureRecorderTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();

    [Fact]
    public async Task Records_the_capture_with_file_hashes_under_its_day_folder_and_clears_the_staging()
    {
        var evidence = _bed.Stage();
        var hashes = evidence.Files.ToDictionary(f => f.Kind, f => CaptureTestBed.Sha256(f.Path));
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }

        await using var check = _bed.NewDb();
        var capture = await check.Captures.Include(c => c.Files).SingleAsync(c => c.Id == evidence.CaptureId);
        Assert.Equal(CaptureState.PendingReview, capture.State);
        Assert.Equal(1, capture.RingelmannLimit);
        Assert.Equal("豫F12345", capture.Plate);
        Assert.Equal("Yellow", capture.PlateColour);
        Assert.Equal("vision", capture.PlateSource);
        Assert.Equal("豫F12345", capture.VisionPlate);
        Assert.All(capture.Files, f =>
        {
            Assert.Equal(hashes[f.Kind], f.Sha256);
            Assert.StartsWith($"2026/11/28/{evidence.CaptureId}/", f.RelativePath);
            Assert.Equal(hashes[f.Kind], CaptureTestBed.Sha256(_bed.Store.FullPath(f.RelativePath)));
        });
        Assert.All(evidence.Files, f => Assert.False(File.Exists(f.Path)));
    }

    [Fact]
    public async Task A_retry_of_the_same_capture_does_not_duplicate_it()
    {
        var evidence = _bed.Stage();
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }
        var retry = _bed.Stage(id: evidence.CaptureId);
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(retry, CancellationToken.None);
        }
        await using var check = _bed.NewDb();
        Assert.Equal(1, await check.Captures.CountAsync(c => c.Id == evidence.CaptureId));
        Assert.Equal(3, await check.CaptureFiles.CountAsync(f => f.CaptureId == evidence.CaptureId));
        Assert.All(retry.Files, f => Assert.False(File.Exists(f.Path), "the retry's staging is cleared too"));
    }

    [Fact]
    public async Task When_the_database_write_fails_the_staged_files_stay_and_a_retry_records_the_capture()
    {
        var evidence = _bed.Stage();
        await using (var db = _bed.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE capture_files");
            await Assert.ThrowsAsync<DbUpdateException>(() => _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None));
        }
        Assert.All(evidence.Files, f => Assert.True(File.Exists(f.Path), $"{f.Kind} must stay staged for the retry"));

        await using (var db = _bed.NewDb())
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }
        await using var check = _bed.NewDb();
        Assert.Equal(3, await check.CaptureFiles.CountAsync(f => f.CaptureId == evidence.CaptureId));
    }

    [Fact]
    public async Task An_invalid_capture_stores_nothing_and_names_the_fields()
    {
        var evidence = _bed.Stage() with { RingelmannLevel = 7, Plate = "豫F1234" };
        await using var db = _bed.NewDb();
        var ex = await Assert.ThrowsAsync<InvalidCaptureException>(() => _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None));
        Assert.Equal(["RingelmannLevel", "Plate"], ex.Errors.Select(e => e.Field));
        Assert.False(await db.Captures.AnyAsync());
        Assert.False(Directory.Exists(_bed.Store.Root) && Directory.EnumerateFiles(_bed.Store.Root, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData(0.95, 0.8, "anpr", "豫F3C720")]
    [InlineData(0.70, 0.8, "vision", "豫F12345")]
    public async Task An_ANPR_event_within_the_window_replaces_our_plate_only_when_more_confident(
        double anprConfidence, double ours, string source, string plate)
    {
        var evidence = _bed.Stage() with { PlateConfidence = ours };
        await using (var db = _bed.NewDb())
        {
            db.AnprEvents.Add(new AnprEvent
            {
                Id = Guid.NewGuid(), CameraId = evidence.CameraId, Vendor = "hikvision", RawPlate = "豫F3C720", Plate = "豫F3C720",
                PlateColour = "Yellow", Confidence = anprConfidence, EventAtUtc = evidence.CapturedAt.UtcDateTime.AddSeconds(-2),
                ReceivedAtUtc = evidence.CapturedAt.UtcDateTime,
            });
            // Same camera but outside the 3 s window, and another camera at the same instant: neither may be taken.
            db.AnprEvents.Add(new AnprEvent
            {
                Id = Guid.NewGuid(), CameraId = evidence.CameraId, Vendor = "hikvision", RawPlate = "豫F99999", Plate = "豫F99999",
                Confidence = 1, EventAtUtc = evidence.CapturedAt.UtcDateTime.AddSeconds(4), ReceivedAtUtc = evidence.CapturedAt.UtcDateTime,
            });
            db.AnprEvents.Add(new AnprEvent
            {
                Id = Guid.NewGuid(), CameraId = "CAM-OTHER", Vendor = "hikvision", RawPlate = "豫F88888", Plate = "豫F88888",
                Confidence = 1, EventAtUtc = evidence.CapturedAt.UtcDateTime, ReceivedAtUtc = evidence.CapturedAt.UtcDateTime,
            });
            await db.SaveChangesAsync();
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }
        await using var check = _bed.NewDb();
        var capture = await check.Captures.SingleAsync(c => c.Id == evidence.CaptureId);
        Assert.Equal(source, capture.PlateSource);
        Assert.Equal(plate, capture.Plate);
        Assert.Equal("豫F3C720", capture.AnprPlate);
        Assert.Equal("豫F12345", capture.VisionPlate);
    }

    public void Dispose() => _bed.Dispose();
}

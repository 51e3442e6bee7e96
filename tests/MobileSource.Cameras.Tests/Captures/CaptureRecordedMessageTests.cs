using System.Text.Json;
using MobileSource.Contracts;
using MobileSource.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Cameras.Tests.Captures;

/// <summary>A stored capture is announced on the bus through the outbox: once, and only when the row was stored.</summary>
public sealed class CaptureRecordedMessageTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();

    [Fact]
    public async Task Recording_a_capture_writes_one_CaptureRecorded_row_with_the_stored_capture()
    {
        var decidedAt = _bed.Clock.GetUtcNow().AddSeconds(-58);
        var evidence = _bed.Stage() with { DecidedAt = decidedAt };
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }

        var message = Assert.Single(await RecordedMessagesAsync());
        Assert.Equal(evidence.CaptureId, message.CaptureId);
        Assert.Equal(("CAM-T-01", "test site", "1"), (message.CameraId, message.Site, message.Lane));
        Assert.Equal(evidence.CapturedAt.UtcDateTime, message.CapturedAtUtc);
        Assert.Equal(decidedAt.UtcDateTime, message.DecidedAtUtc);
        Assert.Equal(("豫F12345", "Yellow", 0.8), (message.Plate, message.PlateColour, message.PlateConfidence));
        Assert.Equal((2.0, 1.0, 0.9, "Heavy"), (message.RingelmannLevel, message.RingelmannLimit, message.SmokeScore, message.VehicleClass));
    }

    [Fact]
    public async Task An_unread_plate_travels_as_null()
    {
        var evidence = _bed.Stage(plate: null);
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }

        var message = Assert.Single(await RecordedMessagesAsync());
        Assert.Equal((null, null, null), (message.Plate, message.PlateColour, message.PlateConfidence));
        Assert.Null(message.DecidedAtUtc);
    }

    [Fact]
    public async Task A_retried_capture_writes_no_second_message()
    {
        var evidence = _bed.Stage();
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None);
        }
        await using (var db = _bed.NewDb())
        {
            await _bed.Recorder(db).AcceptAsync(_bed.Stage(id: evidence.CaptureId), CancellationToken.None);
        }

        Assert.Single(await RecordedMessagesAsync());
    }

    [Fact]
    public async Task A_capture_that_was_not_stored_is_not_announced()
    {
        var evidence = _bed.Stage();
        await using (var db = _bed.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE capture_files");
            await Assert.ThrowsAsync<DbUpdateException>(() => _bed.Recorder(db).AcceptAsync(evidence, CancellationToken.None));
        }

        Assert.Empty(await RecordedMessagesAsync());
    }

    private async Task<List<CaptureRecorded>> RecordedMessagesAsync()
    {
        await using var db = _bed.NewDb();
        var rows = await db.Outbox.ToListAsync();
        Assert.All(rows, r => Assert.Equal(nameof(CaptureRecorded), r.MessageType));
        return rows.Select(r => JsonSerializer.Deserialize<CaptureRecorded>(r.Body, ContractTypes.Json)!).ToList();
    }

    public void Dispose() => _bed.Dispose();
}

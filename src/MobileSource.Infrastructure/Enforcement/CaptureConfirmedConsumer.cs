using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>A confirmed black-smoke capture over the Ringelmann limit in force becomes a violation.</summary>
public sealed class CaptureConfirmedConsumer(MobileSourceDbContext db, TimeProvider clock)
    : IdempotentConsumer<CaptureConfirmed>(db, clock)
{
    protected override async Task HandleAsync(CaptureConfirmed message, Guid messageId, CancellationToken ct)
    {
        var vehicle = ContractNames.Vehicle(message.Plate, message.PlateColour);
        var now = Clock.GetUtcNow().UtcDateTime;
        var where = AlertPlaces.OfCamera(message.CameraId, message.Site);
        if (await OpenCases.IsListedAsync(Db, vehicle, ct))
        {
            Db.Enqueue(new FlaggedVehicleSighted(
                vehicle.Number.Value, message.PlateColour, where, "Camera", message.CaptureId.ToString(), message.CapturedAtUtc), now);
        }
        if (message.RingelmannLevel <= message.RingelmannLimit)
        {
            return;
        }
        var evidence = $"capture {message.CaptureId}: Ringelmann {message.RingelmannLevel:0.##} over limit {message.RingelmannLimit:0.##}, confirmed by {message.ConfirmedBy}";
        await ViolationRecorder.RecordAsync(
            Db, $"capture:{message.CaptureId}", vehicle, ListingReason.BlackSmokeCapture, evidence, where, now, ct);
    }
}

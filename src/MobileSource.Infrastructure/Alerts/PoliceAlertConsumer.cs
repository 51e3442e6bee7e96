using MassTransit;
using MobileSource.Contracts;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Alerts;

/// <summary>
/// Turns "listed" and "listed vehicle seen" into police alerts. The alert row's unique SourceMessageId
/// makes a redelivered message harmless, so this consumer needs no inbox of its own.
/// </summary>
public sealed class PoliceAlertConsumer(MobileSourceDbContext db, TimeProvider clock, AlertSignal signal, IOptions<AlertOptions> options)
    : IConsumer<VehicleListed>, IConsumer<FlaggedVehicleSighted>
{
    public Task Consume(ConsumeContext<VehicleListed> context)
    {
        var m = context.Message;
        return AddAsync(context, "Listed", m.Plate, m.PlateColour, m.Reason, m.Where, m.CaseId, m.ListedAtUtc);
    }

    public async Task Consume(ConsumeContext<FlaggedVehicleSighted> context)
    {
        var m = context.Message;
        var vehicle = ContractNames.Vehicle(m.Plate, m.PlateColour);
        var window = options.Value.SightingFoldWindow;
        if (window > TimeSpan.Zero)
        {
            var (from, to) = (m.SeenAtUtc - window, m.SeenAtUtc + window);
            var colour = (int)vehicle.Colour;
            if (await db.Alerts.AnyAsync(a => a.Plate == m.Plate && a.PlateColour == colour && a.Kind == "Sighted" && a.Location == m.Where
                                              && a.OccurredAtUtc > from && a.OccurredAtUtc < to, context.CancellationToken))
            {
                return; // folded into the alert already raised for this place and time
            }
        }
        var cases = await OpenCases.OfAsync(db, vehicle, context.CancellationToken);
        if (cases.Count == 0)
        {
            return; // delisted between the sighting and now: nothing to stop
        }
        var reason = string.Join(", ", cases.Select(c => c.Reason.ToString()).Distinct());
        await AddAsync(context, "Sighted", m.Plate, m.PlateColour, reason, m.Where, cases[0].Id, m.SeenAtUtc);
    }

    private async Task AddAsync(ConsumeContext context, string kind, string plate, string colour, string reason,
        string? where, Guid? caseId, DateTime occurredAtUtc)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("Alert message arrived without a MessageId.");
        if (await db.Alerts.AnyAsync(a => a.SourceMessageId == messageId, context.CancellationToken))
        {
            return;
        }
        db.Alerts.Add(new PoliceAlert
        {
            SourceMessageId = messageId,
            Kind = kind,
            Plate = plate,
            PlateColour = (int)ContractNames.Vehicle(plate, colour).Colour,
            Reason = reason,
            Location = where,
            CaseId = caseId,
            OccurredAtUtc = occurredAtUtc,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(context.CancellationToken);
        signal.Notify();
    }
}

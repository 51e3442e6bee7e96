using MobileSource.Contracts;
using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Enforcement;

/// <summary>The blacklist policy: a violation lists the vehicle, unless a case for the same reason is already open.</summary>
public sealed class ViolationRecordedConsumer(MobileSourceDbContext db, TimeProvider clock, IOptions<BlacklistPolicy> policy)
    : IdempotentConsumer<ViolationRecorded>(db, clock)
{
    protected override async Task HandleAsync(ViolationRecorded message, Guid messageId, CancellationToken ct)
    {
        var vehicle = ContractNames.Vehicle(message.Plate, message.PlateColour);
        var reason = Enum.Parse<ListingReason>(message.Reason);
        var violation = await Db.Violations.SingleAsync(v => v.Id == message.ViolationId, ct);
        var open = await OpenCases.OfAsync(Db, vehicle, ct);
        var sameReason = open.FirstOrDefault(c => c.Reason == reason);
        if (sameReason is not null)
        {
            violation.CaseId = sameReason.Id;
            return;
        }

        var now = Clock.GetUtcNow();
        var @case = EnforcementCase.Open(Guid.NewGuid(), vehicle, reason, message.Evidence, now, policy.Value, "system");
        Db.Cases.Add(@case);
        violation.CaseId = @case.Id;
        Db.Enqueue(new VehicleListed(
            @case.Id, message.Plate, message.PlateColour, message.Reason, message.Evidence, message.Where,
            @case.ListedAt.UtcDateTime, @case.Deadline.UtcDateTime), now.UtcDateTime);
    }
}

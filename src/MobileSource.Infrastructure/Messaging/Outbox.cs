using System.Text.Json;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;

namespace MobileSource.Infrastructure.Messaging;

public static class Outbox
{
    /// <summary>Queues a message to be published once the current SaveChanges commits.</summary>
    public static void Enqueue<T>(this MobileSourceDbContext db, T message, DateTime nowUtc) where T : class
    {
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = ContractTypes.NameOf(typeof(T)),
            Body = JsonSerializer.Serialize(message, ContractTypes.Json),
            CreatedAtUtc = nowUtc,
        });
    }
}

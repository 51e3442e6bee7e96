namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A message written in the same transaction as the change it announces, sent by the outbox dispatcher.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>Becomes the MassTransit MessageId, so consumers can recognise redelivery.</summary>
    public Guid MessageId { get; set; }
    /// <summary>Contract type name, e.g. "VehicleListed".</summary>
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DispatchedAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when the row can never be sent (unknown type, unreadable body): it is skipped, not retried.</summary>
    public DateTime? ParkedAtUtc { get; set; }
}

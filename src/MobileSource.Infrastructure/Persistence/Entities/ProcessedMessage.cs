namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>Inbox row: consumer X has handled message Y, so a redelivery is skipped.</summary>
public sealed class ProcessedMessage
{
    public string Consumer { get; set; } = "";
    public Guid MessageId { get; set; }
    public DateTime ProcessedAtUtc { get; set; }
}

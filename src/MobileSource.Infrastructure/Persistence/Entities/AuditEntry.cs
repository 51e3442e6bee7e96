namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>Who did what, when, from where: every decision that is not a case transition (keys issued, imports).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Detail { get; set; } = "";
    public string? RemoteAddress { get; set; }
}

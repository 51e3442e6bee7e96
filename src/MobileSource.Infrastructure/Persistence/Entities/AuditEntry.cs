namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>Who did what, when, from where: every decision that is not a case transition (keys issued, imports).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public const int MaxDetailLength = 4000;

    /// <summary>What was decided, clipped to its column: a long list (places, repair items) never fails the decision itself.</summary>
    public string Detail
    {
        get;
        set => field = value.Length > MaxDetailLength ? value[..(MaxDetailLength - 3)] + "..." : value;
    } = "";
    public string? RemoteAddress { get; set; }
}

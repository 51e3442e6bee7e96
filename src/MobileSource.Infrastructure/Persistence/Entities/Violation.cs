namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A recorded violation: the fact that leads to a blacklist entry.</summary>
public sealed class Violation
{
    public Guid Id { get; set; }
    /// <summary>What produced it, unique: "rs:No:HB-RS-001:R123" (over-limit rule), "capture:{id}", "inspection:{id}".
    /// Makes recording idempotent when a message is delivered twice.</summary>
    public string SourceKey { get; set; } = "";
    public string Plate { get; set; } = "";
    public int PlateColour { get; set; }
    public int Reason { get; set; }
    public string Evidence { get; set; } = "";
    public string? Location { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>The enforcement case this violation opened or joined.</summary>
    public Guid? CaseId { get; set; }
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A flagged vehicle the traffic police should stop: newly listed, or listed and seen somewhere.</summary>
public sealed class PoliceAlert
{
    /// <summary>Increasing id; the alert stream uses it as the SSE event id so clients resume without gaps.</summary>
    public long Id { get; set; }
    /// <summary>The message that raised it; one alert per message even when it is delivered twice.</summary>
    public Guid SourceMessageId { get; set; }
    /// <summary>Listed or Sighted.</summary>
    public string Kind { get; set; } = "";
    public string Plate { get; set; } = "";
    public int PlateColour { get; set; }
    public string Reason { get; set; } = "";
    public string? Location { get; set; }
    public Guid? CaseId { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

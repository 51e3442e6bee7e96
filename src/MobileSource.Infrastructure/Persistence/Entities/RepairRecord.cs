namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A repair reported by a repair (M) station.</summary>
public sealed class RepairRecord
{
    public Guid Id { get; set; }
    public string Plate { get; set; } = "";
    public int PlateColour { get; set; }
    public string Station { get; set; } = "";
    /// <summary>Repair items and parts, one per line.</summary>
    public string Items { get; set; } = "";
    public string? Notes { get; set; }
    public DateTime RepairedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public string ReceivedFrom { get; set; } = "";
}

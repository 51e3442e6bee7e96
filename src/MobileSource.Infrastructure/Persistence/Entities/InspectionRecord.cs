namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A test reported by an inspection (I) station, judged by the server.</summary>
public sealed class InspectionRecord
{
    public Guid Id { get; set; }
    public string Plate { get; set; } = "";
    public int PlateColour { get; set; }
    public string Station { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>The submitted values as JSON.</summary>
    public string ValuesJson { get; set; } = "";
    public bool Passed { get; set; }
    /// <summary>Why it failed, one reason per line.</summary>
    public string Failures { get; set; } = "";
    public string LimitSet { get; set; } = "";
    public DateTime TestedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public string ReceivedFrom { get; set; } = "";
}

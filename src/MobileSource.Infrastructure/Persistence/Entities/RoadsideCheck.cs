namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A vehicle stopped by the traffic police and checked at the roadside, with the officer's decision.</summary>
public sealed class RoadsideCheck
{
    public Guid Id { get; set; }
    public string Plate { get; set; } = "";
    public int PlateColour { get; set; }
    /// <summary>Where the vehicle was stopped (checkpoint or site).</summary>
    public string Checkpoint { get; set; } = "";
    /// <summary>The alert the officer acted on, when there was one.</summary>
    public long? AlertId { get; set; }
    /// <summary>The checks performed and their values as JSON (free acceleration smoke k, OBD read).</summary>
    public string ValuesJson { get; set; } = "";
    public bool Passed { get; set; }
    /// <summary>Why it failed, one reason per line.</summary>
    public string Failures { get; set; } = "";
    /// <summary>Release or Penalty.</summary>
    public string Decision { get; set; } = "";
    /// <summary>"6063" when penalised.</summary>
    public string? ViolationCode { get; set; }
    /// <summary>Yuan; 0 or null with a penalty is a warning.</summary>
    public int? FineYuan { get; set; }
    public string? Note { get; set; }
    public DateTime CheckedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    /// <summary>The officer (account or key name).</summary>
    public string Officer { get; set; } = "";
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>
/// A remote-sensing reading whose plate a person must check before it may count against anyone: read with low
/// confidence, or not registered while a look-alike plate is. Keyed by the reading's site and record number.
/// </summary>
public sealed class PlateReview
{
    public long Id { get; set; }
    public string SiteNo { get; set; } = "";
    public string RecordNo { get; set; } = "";
    public DateTime MeasuredAtUtc { get; set; }
    /// <summary>The plate as the device read it (normalised when it parsed, raw otherwise).</summary>
    public string? PlateRead { get; set; }
    public int? PlateColour { get; set; }
    public double? PlateConfidence { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>Registered look-alike plates, best first, comma-separated.</summary>
    public string? Candidates { get; set; }
    /// <summary>The reading's outcome when it was stored (pass, fail, invalid), so reviewers can take failures first.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>Pending, Confirmed (the plate as read), Corrected (another plate) or Rejected (the reading never counts).</summary>
    public string State { get; set; } = PlateReviewStates.Pending;
    public string? DecidedPlate { get; set; }
    public int? DecidedColour { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedFrom { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public static class PlateReviewStates
{
    public const string Pending = nameof(Pending);
    public const string Confirmed = nameof(Confirmed);
    public const string Corrected = nameof(Corrected);
    public const string Rejected = nameof(Rejected);
}

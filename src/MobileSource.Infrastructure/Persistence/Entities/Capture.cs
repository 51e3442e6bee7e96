namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>
/// A black-smoke capture awaiting or past operator review. The plate shown for review is <see cref="Plate"/>;
/// our own OCR read stays in the Vision* fields and the camera's ANPR read in the Anpr* fields, so a reviewer sees both.
/// </summary>
public sealed class Capture
{
    public Guid Id { get; set; }
    public string CameraId { get; set; } = "";
    public string Site { get; set; } = "";
    public string Lane { get; set; } = "";
    public string TravelDirection { get; set; } = "";
    public DateTime CapturedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public string VehicleClass { get; set; } = "";
    public double SmokeScore { get; set; }
    public double RingelmannLevel { get; set; }
    /// <summary>The limit in force when the capture was taken; a later change of configuration does not rejudge it.</summary>
    public double RingelmannLimit { get; set; }

    public string? Plate { get; set; }
    public double? PlateConfidence { get; set; }
    /// <summary>PlateColour enum name (Yellow, Blue, ...).</summary>
    public string? PlateColour { get; set; }
    /// <summary>"vision" or "anpr"; null when no plate was read.</summary>
    public string? PlateSource { get; set; }

    public string? VisionPlate { get; set; }
    public double? VisionPlateConfidence { get; set; }
    public string? VisionPlateColour { get; set; }
    public Guid? AnprEventId { get; set; }
    public string? AnprPlate { get; set; }
    public double? AnprPlateConfidence { get; set; }

    public CaptureState State { get; set; } = CaptureState.PendingReview;
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedFrom { get; set; }
    public string? RejectReason { get; set; }
    /// <summary>Set when the reviewer changed the plate: what it was before, and why it was changed.</summary>
    public string? OriginalPlate { get; set; }
    public string? OriginalPlateColour { get; set; }
    public string? PlateCorrectionReason { get; set; }

    /// <summary>Optimistic concurrency: two reviewers deciding at once cannot both win.</summary>
    public long Revision { get; set; }

    public List<CaptureFile> Files { get; set; } = [];
}

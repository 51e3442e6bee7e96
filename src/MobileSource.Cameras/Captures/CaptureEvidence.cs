namespace MobileSource.Cameras.Captures;

/// <summary>
/// Everything a camera hands over for one capture: who saw it, what was decided, and the evidence files
/// (already written to a staging folder by the stream side). The sink moves the files into the evidence
/// store, hashes them and records the capture for review.
/// </summary>
public sealed record CaptureEvidence
{
    public required Guid CaptureId { get; init; }
    public required string CameraId { get; init; }
    public required string Site { get; init; }
    public required string Lane { get; init; }
    public required string TravelDirection { get; init; }
    /// <summary>Wall-clock time of the deciding frame.</summary>
    public required DateTimeOffset CapturedAt { get; init; }
    /// <summary>When the analyzer decided the capture (after the frames that confirmed it); null when not known.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    public required string VehicleClass { get; init; }
    public required double SmokeScore { get; init; }
    public required double RingelmannLevel { get; init; }
    public string? Plate { get; init; }
    public double? PlateConfidence { get; init; }
    public string? PlateColour { get; init; }
    /// <summary>Where the plate came from: "vision" (our OCR) or "anpr" (the camera's own event).</summary>
    public string? PlateSource { get; init; }
    public required IReadOnlyList<EvidenceFile> Files { get; init; }
}

/// <summary>One evidence file in staging: its kind (clip, vehicle, smoke, plate, anpr-picture), path and content type.</summary>
public sealed record EvidenceFile(string Kind, string Path, string ContentType);

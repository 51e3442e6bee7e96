namespace MobileSource.Contracts;

// Messages that cross modules. Plates travel normalised ("豫F12345") with the plate colour as its
// stable name ("Yellow"); times are UTC. MassTransit builds each message URN from namespace + type name,
// so publishers and consumers in other processes share these exact types.

/// <summary>
/// Remote-sensing readings stored together (one intake batch, at most a few hundred) and each judged against the limits
/// for its fuel. One message a batch, not a reading: devices send thousands of readings a second.
/// </summary>
public sealed record RemoteSensingReadingsJudged(IReadOnlyList<RemoteSensingReadingJudged> Readings);

/// <summary>
/// One stored, judged remote-sensing reading. <c>NotForEnforcementReason</c> is set when the reading is kept but must not
/// count against the vehicle (an unknown site, an instrument out of calibration).
/// </summary>
public sealed record RemoteSensingReadingJudged(
    string RecordNo,
    string SiteNo,
    string? Plate,
    string? PlateColour,
    DateTime MeasuredAtUtc,
    string Outcome,
    IReadOnlyList<string> FailedPollutants,
    bool NeedsPlateReview,
    string? NotForEnforcementReason = null,
    DateTime? ReceivedAtUtc = null);

/// <summary>
/// A camera's black-smoke capture was stored for review (sent once, with the capture row). A notification for review
/// consoles: nothing must act on it; enforcement waits for <see cref="CaptureConfirmed"/>. <c>CapturedAtUtc</c> is
/// the deciding frame; <c>DecidedAtUtc</c> when the analyzer decided, if known. Plate fields are null when unread.
/// </summary>
public sealed record CaptureRecorded(
    Guid CaptureId,
    string CameraId,
    string Site,
    string Lane,
    DateTime CapturedAtUtc,
    DateTime? DecidedAtUtc,
    string? Plate,
    string? PlateColour,
    double? PlateConfidence,
    double RingelmannLevel,
    double RingelmannLimit,
    double SmokeScore,
    string VehicleClass);

/// <summary>An operator confirmed a black-smoke capture (from the vision module).</summary>
public sealed record CaptureConfirmed(
    Guid CaptureId,
    string Plate,
    string PlateColour,
    double RingelmannLevel,
    double RingelmannLimit,
    string CameraId,
    string Site,
    DateTime CapturedAtUtc,
    string ConfirmedBy);

/// <summary>A violation was recorded against a vehicle; the blacklist policy decides what follows.</summary>
public sealed record ViolationRecorded(
    Guid ViolationId,
    string Plate,
    string PlateColour,
    string Reason,
    string Evidence,
    string? Where,
    DateTime RecordedAtUtc);

/// <summary>A vehicle was put on the blacklist: an enforcement case was opened.</summary>
public sealed record VehicleListed(
    Guid CaseId,
    string Plate,
    string PlateColour,
    string Reason,
    string Evidence,
    string? Where,
    DateTime ListedAtUtc,
    DateTime DeadlineUtc);

/// <summary>A vehicle's enforcement case was closed by a passing re-test.</summary>
public sealed record VehicleDelisted(
    Guid CaseId,
    string Plate,
    string PlateColour,
    Guid InspectionId,
    DateTime DelistedAtUtc);

/// <summary>A listed vehicle was seen by a device or camera.</summary>
public sealed record FlaggedVehicleSighted(
    string Plate,
    string PlateColour,
    string Where,
    string Source,
    string SourceReference,
    DateTime SeenAtUtc);

/// <summary>An inspection (I) station reported a test; pass/fail was judged by the server.</summary>
public sealed record InspectionReported(
    Guid InspectionId,
    string Plate,
    string PlateColour,
    string Station,
    string Method,
    bool Passed,
    DateTime TestedAtUtc);

/// <summary>A repair (M) station reported a repair.</summary>
public sealed record RepairReported(
    Guid RepairId,
    string Plate,
    string PlateColour,
    string Station,
    DateTime RepairedAtUtc);

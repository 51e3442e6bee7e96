namespace MobileSource.Infrastructure.Stations;

/// <summary>A repair (M) station's report, as posted to /api/repairs.</summary>
public sealed record RepairRequest(
    string? Plate,
    string? PlateColour,
    string? Station,
    IReadOnlyList<string>? Items,
    DateTimeOffset? RepairedAt,
    string? Notes);

/// <summary>An inspection (I) station's test, as posted to /api/inspections. Pass/fail is the server's to judge.</summary>
public sealed record InspectionRequest(
    string? Plate,
    string? PlateColour,
    string? Station,
    string? Method,
    InspectionValuesRequest? Values,
    DateTimeOffset? TestedAt);

public sealed record InspectionValuesRequest(
    double? SmokeK,
    double? NoxPpm,
    double? RingelmannLevel,
    bool? ObdCommunicationOk,
    int? ObdFaultCodes,
    bool? ObdReadiness,
    bool? ObdMilOn);

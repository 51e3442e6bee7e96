using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>Consecutive over-limit readings of one pollutant that make the vehicle an over-limit vehicle; oldest first.</summary>
public sealed record OverLimitFinding(
    Pollutant Pollutant,
    IReadOnlyList<string> RecordNos,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt);

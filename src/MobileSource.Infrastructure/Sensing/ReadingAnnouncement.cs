using MobileSource.Contracts;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence.Entities;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>A stored reading as the bus carries it to the over-limit rule.</summary>
public static class ReadingAnnouncement
{
    public static RemoteSensingReadingJudged Of(StoredReading row) => new(
        row.RecordNo, row.SiteNo, row.Plate,
        row.PlateColour is { } c ? ((PlateColour)c).ToString() : null,
        row.MeasuredAtUtc, row.Outcome,
        row.FailedPollutants.Length == 0 ? [] : row.FailedPollutants.Split(','),
        row.NeedsPlateReview,
        row.NotForEnforcementReason,
        row.ReceivedAtUtc);
}

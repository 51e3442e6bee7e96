namespace MobileSource.Infrastructure.Persistence.Entities;

public enum CaptureState
{
    PendingReview,
    Confirmed,
    Rejected,
}

namespace MobileSource.Domain.Blacklist;

/// <summary>
/// Listed -> Notified -> Repaired -> Delisted (re-tested and passed); Listed or Notified past the repair
/// deadline -> Overdue, which still can be repaired.
/// </summary>
public enum CaseState
{
    Listed = 1,
    Notified = 2,
    Repaired = 3,
    Delisted = 4,
    Overdue = 5,
}

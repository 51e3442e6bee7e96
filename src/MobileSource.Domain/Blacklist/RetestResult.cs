namespace MobileSource.Domain.Blacklist;

/// <summary>
/// The effect of a re-test on a case: delisted, refused (with the reason), or neither when the vehicle
/// failed the re-test and stays listed.
/// </summary>
public sealed record RetestResult(bool Delisted, string? RefusedBecause)
{
    public bool Refused => RefusedBecause is not null;

    public bool Failed => !Delisted && !Refused;
}

namespace MobileSource.Domain.Limits;

/// <summary>
/// When remote-sensing readings make a vehicle an over-limit vehicle: national practice is two or more
/// consecutive over-limit readings of the same pollutant within 6 calendar months.
/// </summary>
public sealed class OverLimitRuleOptions
{
    public int ConsecutiveReadings { get; set; } = 2;

    public int WindowMonths { get; set; } = 6;
}

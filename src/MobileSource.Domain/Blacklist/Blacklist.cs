namespace MobileSource.Domain.Blacklist;

public static class Blacklist
{
    /// <summary>A vehicle is on the blacklist while any of its cases is open.</summary>
    public static bool IsListed(IEnumerable<EnforcementCase> casesOfVehicle)
    {
        ArgumentNullException.ThrowIfNull(casesOfVehicle);
        return casesOfVehicle.Any(c => c.IsOpen);
    }
}

namespace MobileSource.Infrastructure.Security;

/// <summary>Who may call what. Admin may call everything.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Police = "police";
    public const string InspectionStation = "inspection-station";
    public const string RepairStation = "repair-station";
    public const string BureauAnalyst = "bureau-analyst";
    public const string Device = "device";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Police, InspectionStation, RepairStation, BureauAnalyst, Device];

    /// <summary>The roles a person's account may have; a device signs in with an API key only.</summary>
    public static readonly IReadOnlyList<string> People = [Admin, Operator, Police, InspectionStation, RepairStation, BureauAnalyst];

    public static bool IsKnown(string role) => All.Contains(role);
}

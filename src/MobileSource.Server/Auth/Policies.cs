using MobileSource.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace MobileSource.Server.Auth;

/// <summary>
/// Each API area names the roles that may use it; admin may use all. A caller is known by an API key (devices, station
/// software) or by a signed-in person's session cookie: the role decides either way.
/// </summary>
public static class Policies
{
    public const string RegistryImport = nameof(RegistryImport);
    public const string VehiclesRead = nameof(VehiclesRead);
    public const string ReadingsWrite = nameof(ReadingsWrite);
    public const string BlacklistRead = nameof(BlacklistRead);
    public const string RepairsWrite = nameof(RepairsWrite);
    public const string InspectionsWrite = nameof(InspectionsWrite);
    public const string AlertsRead = nameof(AlertsRead);
    public const string CasesManage = nameof(CasesManage);
    public const string KeysManage = nameof(KeysManage);
    public const string CapturesWrite = nameof(CapturesWrite);
    public const string CamerasManage = nameof(CamerasManage);
    public const string SitesManage = nameof(SitesManage);
    public const string SitesRead = nameof(SitesRead);
    public const string AccountsManage = nameof(AccountsManage);
    public const string PoliceConsole = nameof(PoliceConsole);
    public const string RoadsideChecksWrite = nameof(RoadsideChecksWrite);
    public const string StationIntake = nameof(StationIntake);
    public const string StationConsole = nameof(StationConsole);
    public const string BureauRead = nameof(BureauRead);

    /// <summary>Any signed-in person or key holder, whatever the role.</summary>
    public const string SignedIn = nameof(SignedIn);

    private static readonly Dictionary<string, string[]> RolesByPolicy = new()
    {
        [RegistryImport] = [Roles.Operator, Roles.BureauAnalyst],
        [VehiclesRead] = [Roles.Operator, Roles.Police, Roles.InspectionStation, Roles.RepairStation],
        [ReadingsWrite] = [Roles.Device],
        [BlacklistRead] = [Roles.Operator, Roles.Police, Roles.InspectionStation, Roles.RepairStation, Roles.BureauAnalyst],
        [RepairsWrite] = [Roles.RepairStation],
        [InspectionsWrite] = [Roles.InspectionStation],
        [AlertsRead] = [Roles.Police, Roles.Operator],
        [CasesManage] = [Roles.Operator],
        [KeysManage] = [],
        [CapturesWrite] = [Roles.Operator],
        [CamerasManage] = [Roles.Operator],
        [SitesManage] = [Roles.Operator],
        [SitesRead] = [Roles.Operator, Roles.Police],
        [AccountsManage] = [],
        [PoliceConsole] = [Roles.Police],
        [RoadsideChecksWrite] = [Roles.Police],
        [StationIntake] = [Roles.InspectionStation, Roles.RepairStation, Roles.Operator],
        [StationConsole] = [Roles.InspectionStation, Roles.RepairStation],
        [BureauRead] = [Roles.BureauAnalyst, Roles.Operator],
    };

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(AccountSetup.CallerScheme).RequireAuthenticatedUser());
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p => p
                .AddAuthenticationSchemes(AccountSetup.CallerScheme)
                .RequireAuthenticatedUser()
                .RequireRole([Roles.Admin, .. roles]));
        }
    }
}

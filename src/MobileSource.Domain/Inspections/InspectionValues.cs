namespace MobileSource.Domain.Inspections;

/// <summary>Values an inspection station reports; which are required depends on the method.</summary>
public sealed record InspectionValues
{
    /// <summary>Light absorption coefficient k, m-1.</summary>
    public double? SmokeK { get; init; }

    public double? NoxPpm { get; init; }

    /// <summary>Number of stored OBD fault codes.</summary>
    public int? ObdFaultCodes { get; init; }

    /// <summary>Whether all OBD readiness monitors are complete.</summary>
    public bool? ObdReadiness { get; init; }

    public bool? ObdCommunicationOk { get; init; }

    /// <summary>Whether the malfunction indicator lamp is on; not reported counts as off.</summary>
    public bool? ObdMilOn { get; init; }

    public double? RingelmannLevel { get; init; }
}

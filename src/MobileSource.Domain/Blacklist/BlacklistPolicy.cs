namespace MobileSource.Domain.Blacklist;

/// <summary>Blacklist rules that vary by province or city.</summary>
public sealed class BlacklistPolicy
{
    public const string SectionName = "Blacklist";

    /// <summary>Days from listing to repair. Unconfirmed: the provincial rules' number was not found.</summary>
    public int RepairDeadlineDays { get; set; } = 15;

    /// <summary>Some provinces refuse the re-test until the repair station's record has arrived.</summary>
    public bool RequireRepairBeforeRetest { get; set; } = true;

    /// <summary>
    /// A fleet operator with at least this share of its registered vehicles over the limit in a year is listed itself
    /// (shared/reference/domain-facts.md, blacklist rules: 10 %).
    /// </summary>
    public double FleetOverLimitShare { get; set; } = 0.10;

    /// <summary>
    /// Tests that can re-test a listed diesel vehicle: the lane tests that measure smoke. A Ringelmann look or an
    /// OBD read alone does not show that a NOx or opacity exceedance was repaired. Null means the default below.
    /// </summary>
    public Inspections.InspectionMethod[]? DieselRetestMethods { get; set; }

    public static readonly Inspections.InspectionMethod[] DefaultDieselRetestMethods =
        [Inspections.InspectionMethod.FreeAcceleration, Inspections.InspectionMethod.LugDown];

    public bool CanRetestDiesel(Inspections.InspectionMethod method) =>
        (DieselRetestMethods is { Length: > 0 } configured ? configured : DefaultDieselRetestMethods).Contains(method);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (RepairDeadlineDays < 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RepairDeadlineDays)} must be at least 1, got {RepairDeadlineDays}");
        }
    }
}

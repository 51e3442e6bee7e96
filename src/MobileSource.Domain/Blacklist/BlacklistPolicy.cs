namespace MobileSource.Domain.Blacklist;

/// <summary>Blacklist rules that vary by province or city.</summary>
public sealed class BlacklistPolicy
{
    public const string SectionName = "Blacklist";

    /// <summary>Days from listing to repair. Unconfirmed: the provincial rules' number was not found.</summary>
    public int RepairDeadlineDays { get; set; } = 15;

    /// <summary>Some provinces refuse the re-test until the repair station's record has arrived.</summary>
    public bool RequireRepairBeforeRetest { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (RepairDeadlineDays < 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RepairDeadlineDays)} must be at least 1, got {RepairDeadlineDays}");
        }
    }
}

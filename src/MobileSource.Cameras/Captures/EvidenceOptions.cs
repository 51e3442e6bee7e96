namespace MobileSource.Cameras.Captures;

/// <summary>Configuration section "Evidence".</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The evidence root; default: "evidence" next to the SQLite database, else data/evidence.</summary>
    public string Root { get; set; } = "";
}

namespace MobileSource.Infrastructure.Registry;

/// <summary>Counts of one import as it runs; keeps the first <see cref="RegistryImporter.MaxRejectedListed"/> errors.</summary>
internal sealed class ImportTally
{
    private readonly List<RegistryRowError> _rejected = [];

    public int RowsRead { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int RejectedCount { get; private set; }

    public void Reject(IReadOnlyList<RegistryRowError> errors)
    {
        RejectedCount++;
        foreach (var error in errors)
        {
            if (_rejected.Count == RegistryImporter.MaxRejectedListed)
            {
                return;
            }
            _rejected.Add(error);
        }
    }

    public RegistryImportResult ToResult() => new()
    {
        RowsRead = RowsRead,
        Inserted = Inserted,
        Updated = Updated,
        Unchanged = Unchanged,
        RejectedCount = RejectedCount,
        Rejected = _rejected,
    };
}

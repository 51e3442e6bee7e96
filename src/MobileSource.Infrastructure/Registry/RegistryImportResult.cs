namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// What an import did. <see cref="RowsRead"/> counts data rows (blank lines excluded) =
/// Inserted + Updated + Unchanged + RejectedCount. <see cref="Rejected"/> lists at most
/// <see cref="RegistryImporter.MaxRejectedListed"/> errors (a row may have several); <see cref="RejectedCount"/> counts every rejected row.
/// </summary>
public sealed record RegistryImportResult
{
    public int RowsRead { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int RejectedCount { get; init; }
    public IReadOnlyList<RegistryRowError> Rejected { get; init; } = [];
}

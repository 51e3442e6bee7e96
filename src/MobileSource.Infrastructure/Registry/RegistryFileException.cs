namespace MobileSource.Infrastructure.Registry;

/// <summary>Why a registry file was rejected as a whole. <see cref="Field"/> is a column name, or "file".</summary>
public sealed record RegistryFileError(string Field, string Reason)
{
    public const string WholeFile = "file";
}

/// <summary>
/// The file cannot be imported at all (not UTF-8, no header, a required column missing, a runaway quote).
/// Nothing of it has been written: the importer rolls its transaction back.
/// </summary>
public sealed class RegistryFileException(RegistryFileError error) : Exception(error.Reason)
{
    public RegistryFileError Error { get; } = error;

    public RegistryFileException(string field, string reason) : this(new RegistryFileError(field, reason))
    {
    }
}

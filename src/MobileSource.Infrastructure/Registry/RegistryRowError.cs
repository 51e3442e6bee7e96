namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Why one data row of a registry file was rejected. <see cref="Line"/> is the 1-based physical line the row
/// starts on (the header is line 1); <see cref="Field"/> is the column name as written in the file's header,
/// or "row" when the row as a whole is wrong (field count, quoting).
/// </summary>
public sealed record RegistryRowError(int Line, string Field, string Reason)
{
    public const string WholeRow = "row";
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>
/// One stored evidence file of a capture. The row and its hash outlive the file: retention deletes the file
/// and sets <see cref="PurgedAtUtc"/>, so the audit trail still shows what was stored.
/// </summary>
public sealed class CaptureFile
{
    public long Id { get; set; }
    public Guid CaptureId { get; set; }
    /// <summary>clip, vehicle, smoke, plate or anpr-picture.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Path under the evidence root, with forward slashes.</summary>
    public string RelativePath { get; set; } = "";
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public DateTime StoredAtUtc { get; set; }
    public DateTime? PurgedAtUtc { get; set; }
}

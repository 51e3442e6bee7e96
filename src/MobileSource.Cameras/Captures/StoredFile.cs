namespace MobileSource.Cameras.Captures;

/// <summary>A file in the evidence store: where (relative to the root), its SHA-256 (lower-case hex) and size.</summary>
public sealed record StoredFile(string RelativePath, string Sha256, long Size);

/// <summary>What re-hashing a stored file found.</summary>
public enum FileCheck
{
    Intact,
    Tampered,
    Missing,
}

public sealed record FileVerification(string RelativePath, FileCheck Result, string ExpectedSha256, string? ActualSha256);

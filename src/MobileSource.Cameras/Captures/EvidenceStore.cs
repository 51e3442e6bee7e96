using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// Evidence files on disk under one root. A file is written to a temporary name while its SHA-256 is computed,
/// flushed, then renamed into place (a reader never sees half a file) and made read-only: stored evidence is
/// never rewritten, only purged by retention.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options)
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public string Root { get; } = Path.GetFullPath(options.Value.Root);

    /// <summary>The folder of one capture: yyyy/MM/dd/&lt;id&gt; by the capture's UTC date.</summary>
    public static string CaptureFolder(Guid captureId, DateTime capturedAtUtc) =>
        $"{capturedAtUtc:yyyy}/{capturedAtUtc:MM}/{capturedAtUtc:dd}/{captureId:D}";

    /// <summary>The folder of one ANPR event's pictures.</summary>
    public static string AnprFolder(Guid eventId, DateTime eventAtUtc) =>
        $"anpr/{eventAtUtc:yyyy}/{eventAtUtc:MM}/{eventAtUtc:dd}/{eventId:D}";

    /// <summary>
    /// Copies a staged file into the store. The staged file is left in place: the caller deletes it once the
    /// database holds the record, so a failed commit can be retried with the same staging.
    /// </summary>
    public async Task<StoredFile> StoreAsync(string stagedPath, string relativePath, CancellationToken ct)
    {
        await using var source = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await StoreAsync(source, relativePath, ct);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="relativePath"/>. A file already there is replaced only
    /// because it was never recorded (a previous attempt whose database write failed); callers check that first.
    /// </summary>
    public async Task<StoredFile> StoreAsync(Stream content, string relativePath, CancellationToken ct)
    {
        var target = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }
                output.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadOnly);
            }
            File.Move(temp, target, overwrite: true);
            return new StoredFile(relativePath, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Re-hashes a stored file and compares it with the hash recorded when it was stored.</summary>
    public async Task<FileVerification> VerifyAsync(string relativePath, string expectedSha256, CancellationToken ct)
    {
        var path = FullPath(relativePath);
        if (!File.Exists(path))
        {
            return new FileVerification(relativePath, FileCheck.Missing, expectedSha256, null);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        var result = string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase) ? FileCheck.Intact : FileCheck.Tampered;
        return new FileVerification(relativePath, result, expectedSha256, actual);
    }

    /// <summary>Deletes a stored file (retention); true when it was there.</summary>
    public bool Delete(string relativePath)
    {
        var path = FullPath(relativePath);
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    /// <summary>The absolute path of a stored file; refuses paths that would leave the root.</summary>
    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Evidence path '{relativePath}' is outside the evidence root.", nameof(relativePath));
        }
        return full;
    }
}

using System.Text.Json;

namespace MobileSource.Cameras.Captures;

/// <summary>
/// The record of a capture still in staging, written next to its files (<c>capture.json</c>), so a capture the
/// sink could not take — the database down through every retry, or the process stopped mid-hand-over — is handed
/// over again at the next start instead of being lost with the evidence left behind.
/// </summary>
public static class StagedCapture
{
    public const string ManifestName = "capture.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the manifest atomically (temp file, then rename) into <paramref name="folder"/>.</summary>
    public static void Save(string folder, CaptureEvidence evidence)
    {
        var path = Path.Combine(folder, ManifestName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(evidence, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Every staged capture under <paramref name="stagingRoot"/>; unreadable manifests are reported, not thrown.</summary>
    public static IEnumerable<(string Folder, CaptureEvidence? Evidence, string? Error)> FindAll(string stagingRoot)
    {
        if (!Directory.Exists(stagingRoot))
        {
            yield break;
        }
        foreach (var manifest in Directory.EnumerateFiles(stagingRoot, ManifestName, SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(manifest)!;
            CaptureEvidence? evidence = null;
            string? error = null;
            try
            {
                evidence = JsonSerializer.Deserialize<CaptureEvidence>(File.ReadAllText(manifest), Json)
                           ?? throw new JsonException("empty manifest");
            }
            catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
            {
                error = $"{manifest}: {e.Message}";
            }
            yield return (folder, evidence, error);
        }
    }

    /// <summary>Removes the manifest and the folder once the capture is stored (files are removed by the recorder).</summary>
    public static void Remove(CaptureEvidence evidence)
    {
        foreach (var folder in (evidence.Files ?? []).Select(f => Path.GetDirectoryName(f.Path)).OfType<string>().Distinct())
        {
            var manifest = Path.Combine(folder, ManifestName);
            if (File.Exists(manifest))
            {
                File.Delete(manifest);
            }
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }
}

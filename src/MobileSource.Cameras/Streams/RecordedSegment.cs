using System.Globalization;

namespace MobileSource.Cameras.Streams;

/// <summary>One recorded MPEG-TS segment, named by the UTC second ffmpeg opened it (yyyyMMddTHHmmss.ts).</summary>
public sealed record RecordedSegment(string Path, DateTimeOffset Start)
{
    private const string NameFormat = "yyyyMMdd'T'HHmmss";

    public static IReadOnlyList<RecordedSegment> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var segments = new List<RecordedSegment>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.ts"))
        {
            if (DateTimeOffset.TryParseExact(System.IO.Path.GetFileNameWithoutExtension(path), NameFormat,
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            {
                segments.Add(new RecordedSegment(path, start));
            }
        }
        segments.Sort((a, b) => a.Start.CompareTo(b.Start));
        return segments;
    }

    /// <summary>Deletes segments that started before <paramref name="cutoff"/>; returns how many went.</summary>
    public static int DeleteOlderThan(string directory, DateTimeOffset cutoff)
    {
        var deleted = 0;
        foreach (var segment in List(directory).Where(s => s.Start < cutoff))
        {
            try
            {
                File.Delete(segment.Path);
                deleted++;
            }
            catch (IOException)
            {
                // being read by a clip cut right now; next sweep
            }
        }
        return deleted;
    }
}

namespace MobileSource.Benchmarks;

/// <summary>The process's resident-set high-water mark (VmHWM), resettable on Linux so that each phase gets its own.</summary>
internal static class PeakMemory
{
    /// <summary>Collects garbage and resets the high-water mark to the current RSS; false where the kernel does not allow it.</summary>
    public static bool Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long MiB()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var bytes = line is null
            ? Environment.WorkingSet
            : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return bytes / (1L << 20);
    }
}

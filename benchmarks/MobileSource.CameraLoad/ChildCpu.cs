using System.Globalization;

namespace MobileSource.CameraLoad;

/// <summary>CPU time of this process's live child processes (the ffmpegs), from /proc/[pid]/stat.</summary>
internal static class ChildCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static Dictionary<int, TimeSpan> Sample()
    {
        var self = Environment.ProcessId;
        var result = new Dictionary<int, TimeSpan>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name (which may hold spaces) start after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) != self)
                {
                    continue;
                }
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[pid] = TimeSpan.FromSeconds(ticks / TicksPerSecond);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // the process ended while we looked
            }
        }
        return result;
    }

    /// <summary>CPU used between two samples by each process present in both.</summary>
    public static List<TimeSpan> PerProcess(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after) =>
        after.Where(a => before.ContainsKey(a.Key)).Select(a => a.Value - before[a.Key]).ToList();
}

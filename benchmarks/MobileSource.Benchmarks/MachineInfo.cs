using System.Runtime.InteropServices;

namespace MobileSource.Benchmarks;

internal static class MachineInfo
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {CpuModel()}, {TotalMemory()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string TotalMemory() => $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB memory";
}

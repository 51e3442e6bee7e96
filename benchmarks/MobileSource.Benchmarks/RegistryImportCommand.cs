using System.Diagnostics;
using MobileSource.Benchmarks.Generation;
using MobileSource.Infrastructure.Registry;

namespace MobileSource.Benchmarks;

/// <summary>
/// registry-import --rows N --provider sqlite|postgresql: a fresh import, a re-import of the same file
/// (expect all unchanged) and an import with every 10th owner changed (expect 10 % updated).
/// </summary>
internal static class RegistryImportCommand
{
    private const int ChangedEvery = 10;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var rows = options.Number("rows", 1_000_000);
        var seed = options.Number("seed", 1);
        var provider = options.Text("provider") ?? "sqlite";
        Console.WriteLine($"machine: {MachineInfo.Describe()}");

        var directory = Directory.CreateTempSubdirectory("registry-bench-").FullName;
        try
        {
            var file = Path.Combine(directory, "registry.csv");
            var changedFile = Path.Combine(directory, "registry-changed.csv");
            var generation = Stopwatch.StartNew();
            RegistryGenerator.WriteFile(file, rows, seed);
            RegistryGenerator.WriteFile(changedFile, rows, seed, ChangedEvery);
            Console.WriteLine($"generated {rows:N0} rows, {new FileInfo(file).Length / (1 << 20)} MiB, in {generation.Elapsed.TotalSeconds:F1} s (seed {seed}): {file}");

            await using var database = await BenchDatabase.CreateAsync(provider, options.Text("connection"), options.Flag("keep"));
            Console.WriteLine($"database: {database.Description}");
            Console.WriteLine();
            Console.WriteLine($"{"phase",-22} {"read",9} {"inserted",9} {"updated",9} {"unchanged",9} {"rejected",8} {"seconds",8} {"rows/s",10} {"peak MiB",8}");

            var ok = true;
            ok &= Check(await ImportAsync(database, "fresh import", file), r => r.Inserted == r.RowsRead - r.RejectedCount);
            ok &= Check(await ImportAsync(database, "re-import (same file)", file), r => r.Inserted == 0 && r.Updated == 0);
            ok &= Check(await ImportAsync(database, $"1 in {ChangedEvery} owners changed", changedFile), r => r.Inserted == 0 && r.Updated > 0);

            var stored = await database.CountAsync();
            Console.WriteLine();
            Console.WriteLine($"registered_vehicles holds {stored:N0} rows; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB overall");
            return ok ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<RegistryImportResult> ImportAsync(BenchDatabase database, string phase, string file)
    {
        await using var connection = await database.OpenAsync();
        PeakMemory.Reset();
        var stopwatch = Stopwatch.StartNew();
        await using var csv = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var result = await new RegistryImporter(connection, TimeProvider.System).ImportAsync(csv, CancellationToken.None);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"{phase,-22} {result.RowsRead,9:N0} {result.Inserted,9:N0} {result.Updated,9:N0} {result.Unchanged,9:N0} {result.RejectedCount,8:N0} {seconds,8:F2} {result.RowsRead / seconds,10:N0} {PeakMemory.MiB(),8:N0}");
        foreach (var error in result.Rejected.Take(5))
        {
            Console.WriteLine($"  rejected line {error.Line} {error.Field}: {error.Reason}");
        }
        return result;
    }

    private static bool Check(RegistryImportResult result, Func<RegistryImportResult, bool> expected)
    {
        if (!expected(result) || result.RejectedCount > 0)
        {
            Console.WriteLine("  ^ not what this phase should give");
            return false;
        }
        return true;
    }
}

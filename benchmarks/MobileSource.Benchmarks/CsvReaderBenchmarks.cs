using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MobileSource.Benchmarks.Generation;
using MobileSource.Infrastructure.Registry;
using MobileSource.Infrastructure.Registry.Csv;

namespace MobileSource.Benchmarks;

/// <summary>
/// The registry CSV reader without a database, on a generated 100,000-row export held in memory: the tokenizer alone,
/// and the whole reader (tokenize, parse every field, validate, detect duplicates). Times are per row.
/// In process, so BenchmarkDotNet need not generate and build a project under this repository's build settings.
/// </summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private const int Rows = 100_000;

    private byte[] _csv = [];

    public static IConfig Config => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddColumn(new RowsPerSecondColumn());

    [GlobalSetup]
    public void Generate()
    {
        using var text = new StringWriter();
        RegistryGenerator.Write(text, Rows, seed: 1);
        _csv = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<int> Tokenize()
    {
        var records = new CsvRecordReader(new MemoryStream(_csv, writable: false));
        var count = 0;
        while (await records.ReadAsync(CancellationToken.None))
        {
            count++;
        }
        return count;
    }

    [Benchmark(OperationsPerInvoke = Rows, Baseline = true)]
    public async Task<int> ReadVehicles()
    {
        var valid = 0;
        await foreach (var row in RegistryCsvReader.ReadAsync(new MemoryStream(_csv, writable: false)))
        {
            valid += row.IsValid ? 1 : 0;
        }
        return valid == Rows ? valid : throw new InvalidOperationException($"{Rows - valid} generated rows were rejected");
    }

    private sealed class RowsPerSecondColumn : IColumn
    {
        public string Id => nameof(RowsPerSecondColumn);
        public string ColumnName => "Rows/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Rows read per second (1 s / mean time per row)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats ? (1e9 / stats.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}

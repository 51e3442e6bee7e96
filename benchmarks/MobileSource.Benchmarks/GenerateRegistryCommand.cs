using MobileSource.Benchmarks.Generation;

namespace MobileSource.Benchmarks;

/// <summary>generate-registry --rows 200 --seed 7 --out seeds/demo-registry.csv</summary>
internal static class GenerateRegistryCommand
{
    public static int Run(CommandOptions options)
    {
        var rows = options.Number("rows", 200);
        var seed = options.Number("seed", 7);
        var path = options.Text("out") ?? "seeds/demo-registry.csv";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        RegistryGenerator.WriteFile(path, rows, seed);
        Console.WriteLine($"wrote {rows} vehicles (seed {seed}) to {path}");
        return 0;
    }
}

using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;
using static MobileSource.Infrastructure.Tests.Registry.RegistryFiles;

namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>seeds/demo-registry.csv (made by benchmarks/MobileSource.Benchmarks generate-registry) reads without a rejected row.</summary>
public sealed class DemoRegistryTests
{
    [Fact]
    public async Task The_committed_demo_registry_reads_cleanly_and_holds_the_demo_truck()
    {
        await using var file = File.OpenRead(DemoRegistryPath());

        var rows = await ReadAllAsync(file);

        Assert.Equal(200, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, $"line {r.Line}: {string.Join("; ", r.Errors.Select(e => $"{e.Field}: {e.Reason}"))}"));
        var truck = rows.Select(r => r.Vehicle!).Single(v => v.Plate.Value == "豫F12345");
        Assert.Equal((PlateColour.Yellow, PlateType.Large, FuelType.Diesel, new EmissionStage(3)), (truck.Colour, truck.PlateType, truck.Fuel, truck.Stage));
        Assert.Contains(rows, r => r.Vehicle!.Plate.Value == "豫FA8888" && r.Vehicle.Colour == PlateColour.Blue);
    }

    private static string DemoRegistryPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "seeds", "demo-registry.csv");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("seeds/demo-registry.csv not found above " + AppContext.BaseDirectory);
    }
}

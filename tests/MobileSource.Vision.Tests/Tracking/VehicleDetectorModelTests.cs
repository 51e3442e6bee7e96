using MobileSource.Vision.Tracking;

namespace MobileSource.Vision.Tests.Tracking;

/// <summary>The errors of a bad vehicle detector file.</summary>
public class VehicleDetectorModelTests
{
    [Fact]
    public void A_missing_or_broken_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => VehicleDetectorModel.Load(missing)).Message);
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(broken, "not a model");
        try
        {
            Assert.Contains(broken, Assert.Throws<InvalidDataException>(() => VehicleDetectorModel.Load(broken)).Message);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}

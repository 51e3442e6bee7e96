using MobileSource.Vision.Smoke;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The shipped patch model (models/smoke-patch.onnx) through OnnxRuntime, and the errors of a bad model file.</summary>
public class SmokePatchModelTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "models", SmokePatchModel.FileName);

    [Fact]
    public void A_patch_of_the_wrong_size_is_refused()
    {
        using var model = SmokePatchModel.Load(Shipped);
        var e = Assert.Throws<ArgumentException>(() => model.Score(new float[10]));
        Assert.Contains($"expected a patch of {SmokePatch.Length} values, got 10", e.Message);
    }

    [Fact]
    public void A_missing_or_broken_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => SmokePatchModel.Load(missing)).Message);
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(broken, "not a model");
        try
        {
            Assert.Contains(broken, Assert.Throws<InvalidDataException>(() => SmokePatchModel.Load(broken)).Message);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}

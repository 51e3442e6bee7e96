using System.Globalization;
using System.Text;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>
/// The labelled patches `train-smoke --patches` writes for the patch model's trainer (tools/MobileSource.SmokePatchTrainer
/// reads the same layout): little-endian, the ASCII magic "MSPATCH1", int32 channels, int32 size, int32 count, then per
/// patch int32 scene (seed), byte label (1 smoke), float32 true level, channels x size x size float32.
/// </summary>
internal static class PatchFile
{
    public const string Magic = "MSPATCH1";

    public static void Write(IReadOnlyList<SmokeSample> samples, string path)
    {
        var withPatch = samples.Where(s => s.Patch.Length == SmokePatch.Length).ToList();
        using var writer = new BinaryWriter(File.Create(path), Encoding.ASCII);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(SmokePatch.Channels);
        writer.Write(SmokePatch.Size);
        writer.Write(withPatch.Count);
        foreach (var s in withPatch)
        {
            writer.Write(int.Parse(s.Scene, CultureInfo.InvariantCulture));
            writer.Write((byte)(s.Label ? 1 : 0));
            writer.Write(s.Level);
            foreach (var v in s.Patch) writer.Write(v);
        }
        Console.Error.WriteLine($"train-smoke: {withPatch.Count} patches ({withPatch.Count(s => s.Label)} smoke) written to {path}");
    }
}

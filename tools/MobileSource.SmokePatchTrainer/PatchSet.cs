using System.Text;

namespace MobileSource.SmokePatchTrainer;

/// <summary>One labelled region of `analyze smoke-patches` (layout in src/MobileSource.Analyze/SmokePatchFile.cs).</summary>
internal sealed record LabelledPatch(int Scene, int DetectWidth, bool Smoke, float Level, float ModelScore, byte[] Pixels);

internal static class PatchSet
{
    public const int Length = PatchNet.InputChannels * PatchNet.Side * PatchNet.Side;

    public static List<LabelledPatch> Read(IEnumerable<string> paths) => paths.SelectMany(ReadOne).ToList();

    private static IEnumerable<LabelledPatch> ReadOne(string path)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20), Encoding.ASCII);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(8));
        if (magic != "MSSMOKP1") throw new InvalidDataException($"{path}: not a smoke patch file (magic '{magic}', expected 'MSSMOKP1')");
        var patches = new List<LabelledPatch>();
        var length = new FileInfo(path).Length;
        const int recordLength = 4 + 4 + 1 + 4 + 4 + Length;
        for (long position = 8; position < length; position += recordLength)
        {
            var n = patches.Count + 1;
            if (length - position < recordLength) throw new InvalidDataException($"{path}: region {n} is cut short");
            int scene = reader.ReadInt32(), width = reader.ReadInt32();
            var label = reader.ReadByte();
            var level = reader.ReadSingle();
            var score = reader.ReadSingle();
            if (label > 1) throw new InvalidDataException($"{path}: region {n} (scene {scene}) has label {label}, expected 0 or 1");
            if (level is < 0 or > 5 || float.IsNaN(level)) throw new InvalidDataException($"{path}: region {n} (scene {scene}) has level {level}, expected 0-5");
            patches.Add(new LabelledPatch(scene, width, label == 1, level, score, reader.ReadBytes(Length)));
        }
        return patches;
    }
}

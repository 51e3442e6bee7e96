using System.Text;

namespace MobileSource.SmokePatchTrainer;

/// <summary>The labelled patches `analyze train-smoke --patches` writes (layout in src/MobileSource.Analyze/PatchFile.cs).</summary>
internal sealed class PatchSet
{
    public required int Channels { get; init; }
    public required int Size { get; init; }
    public required int[] Scenes { get; init; }
    public required bool[] Labels { get; init; }
    public required float[] Levels { get; init; }
    /// <summary>All patches, one after another (count x channels x size x size).</summary>
    public required float[] Values { get; init; }
    public int Count => Labels.Length;
    public int Length => Channels * Size * Size;

    public static PatchSet Read(params string[] paths)
    {
        var parts = paths.Select(ReadOne).ToList();
        var first = parts[0];
        foreach (var (p, path) in parts.Zip(paths))
            if (p.Channels != first.Channels || p.Size != first.Size)
                throw new InvalidDataException($"{path}: {p.Channels}x{p.Size}x{p.Size} patches, but {paths[0]} has {first.Channels}x{first.Size}x{first.Size}");
        return new PatchSet
        {
            Channels = first.Channels, Size = first.Size,
            Scenes = parts.SelectMany(p => p.Scenes).ToArray(),
            Labels = parts.SelectMany(p => p.Labels).ToArray(),
            Levels = parts.SelectMany(p => p.Levels).ToArray(),
            Values = parts.SelectMany(p => p.Values).ToArray(),
        };
    }

    private static PatchSet ReadOne(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.ASCII);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(8));
        if (magic != "MSPATCH1") throw new InvalidDataException($"{path}: not a patch file (magic '{magic}', expected 'MSPATCH1')");
        int channels = reader.ReadInt32(), size = reader.ReadInt32(), count = reader.ReadInt32();
        if (channels is < 1 or > 16 || size is < 4 or > 128 || count < 0)
            throw new InvalidDataException($"{path}: header says {count} patches of {channels}x{size}x{size}");
        var length = channels * size * size;
        var set = new PatchSet
        {
            Channels = channels, Size = size, Scenes = new int[count], Labels = new bool[count], Levels = new float[count],
            Values = new float[(long)count * length],
        };
        var buffer = new byte[length * 4];
        for (var i = 0; i < count; i++)
        {
            try
            {
                set.Scenes[i] = reader.ReadInt32();
                set.Labels[i] = reader.ReadByte() == 1;
                set.Levels[i] = reader.ReadSingle();
                if (reader.Read(buffer, 0, buffer.Length) != buffer.Length) throw new EndOfStreamException();
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"{path}: patch {i + 1} of {count} is cut short");
            }
            Buffer.BlockCopy(buffer, 0, set.Values, i * length * 4, buffer.Length);
        }
        return set;
    }
}

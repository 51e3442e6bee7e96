using System.Text;

namespace MobileSource.PlateGlyphTrainer;

/// <summary>One province glyph of `analyze plate-glyphs` (layout in src/MobileSource.Analyze/PlateGlyphFile.cs).</summary>
internal sealed record LabelledGlyph(int Scene, int Vehicle, int Frame, int PlateHeight, char Truth, char Read, float OcrHome, float OcrOther, byte[] Pixels);

internal static class GlyphSet
{
    public const int Side = 32;
    public const int Length = Side * Side;

    public static List<LabelledGlyph> Read(IEnumerable<string> paths) => paths.SelectMany(ReadOne).ToList();

    private static IEnumerable<LabelledGlyph> ReadOne(string path)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20), Encoding.ASCII);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(8));
        if (magic != "MSGLYPH1") throw new InvalidDataException($"{path}: not a province glyph file (magic '{magic}', expected 'MSGLYPH1')");
        var glyphs = new List<LabelledGlyph>();
        var length = new FileInfo(path).Length;
        const int recordLength = 4 * 4 + 2 * 2 + 2 * 4 + Length;
        for (long position = 8; position < length; position += recordLength)
        {
            var n = glyphs.Count + 1;
            if (length - position < recordLength) throw new InvalidDataException($"{path}: glyph {n} is cut short");
            int scene = reader.ReadInt32(), vehicle = reader.ReadInt32(), frame = reader.ReadInt32(), height = reader.ReadInt32();
            char truth = (char)reader.ReadUInt16(), read = (char)reader.ReadUInt16();
            float ocrHome = reader.ReadSingle(), ocrOther = reader.ReadSingle();
            if (truth < 0x4E00 || read < 0x4E00) throw new InvalidDataException($"{path}: glyph {n} (scene {scene}) has province '{truth}' / '{read}', expected Chinese characters");
            glyphs.Add(new LabelledGlyph(scene, vehicle, frame, height, truth, read, ocrHome, ocrOther, reader.ReadBytes(Length)));
        }
        return glyphs;
    }
}

using System.Text;
using MobileSource.Vision.Plates;

namespace MobileSource.Analyze;

/// <summary>
/// Province glyphs for training the province glyph classifier (tools/MobileSource.PlateGlyphTrainer), as
/// `analyze plate-glyphs` writes them: "MSGLYPH1", then per read: scene seed, vehicle id, source frame, plate box
/// height in pixels (int32), the true province and the province read (UTF-16 unit, uint16), the OCR model's probability
/// of the home province and of the likeliest other (float32) and the <see cref="ProvinceGlyph"/> bytes.
/// Little-endian; reads appended as scenes finish.
/// </summary>
internal sealed class PlateGlyphFile(Stream stream) : IDisposable
{
    public const string Magic = "MSGLYPH1";
    private readonly BinaryWriter _writer = WithMagic(stream);
    private readonly Lock _lock = new();

    public int Reads { get; private set; }

    private static BinaryWriter WithMagic(Stream stream)
    {
        var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: false);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        return w;
    }

    public void Write(int scene, int vehicle, int frame, char truthProvince, PlateRead read)
    {
        if (read.Province is not { Glyph.Length: ProvinceGlyph.Length } province)
            throw new ArgumentException($"scene {scene}, vehicle {vehicle}: the read has no province glyph", nameof(read));
        lock (_lock)
        {
            _writer.Write(scene);
            _writer.Write(vehicle);
            _writer.Write(frame);
            _writer.Write(read.Box.Height);
            _writer.Write((ushort)truthProvince);
            _writer.Write((ushort)read.Text[0]);
            _writer.Write(province.OcrHome);
            _writer.Write(province.OcrOther);
            _writer.Write(province.Glyph);
            Reads++;
        }
    }

    public void Dispose() => _writer.Dispose();
}

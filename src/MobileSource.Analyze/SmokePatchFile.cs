using System.Text;
using MobileSource.Vision.Smoke;

namespace MobileSource.Analyze;

/// <summary>
/// Labelled smoke regions for training the smoke patch network (tools/MobileSource.SmokePatchTrainer), as
/// `analyze smoke-patches` writes them: "MSSMOKP1", then per region: scene seed, detect width (int32), label (byte: 1 smoke, 0 none), true Ringelmann level, the frame model's score (0 without
/// one; float32) and the <see cref="SmokePatch"/> bytes.
/// Little-endian; regions appended as scenes finish.
/// </summary>
internal sealed class SmokePatchFile(Stream stream) : IDisposable
{
    public const string Magic = "MSSMOKP1";
    private readonly BinaryWriter _writer = WithMagic(stream);
    private readonly Lock _lock = new();

    public int Regions { get; private set; }

    private static BinaryWriter WithMagic(Stream stream)
    {
        var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: false);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        return w;
    }

    public void Write(int scene, SmokeSample sample)
    {
        if (sample.Patch is not { Length: SmokePatch.Length } patch)
            throw new ArgumentException($"scene {scene}: the sample has no {SmokePatch.Length}-byte patch", nameof(sample));
        lock (_lock)
        {
            _writer.Write(scene);
            _writer.Write(sample.DetectWidth);
            _writer.Write(sample.Label ? (byte)1 : (byte)0);
            _writer.Write(sample.Level);
            _writer.Write(sample.ModelScore);
            _writer.Write(patch);
            Regions++;
        }
    }

    public void Dispose() => _writer.Dispose();
}

using System.Text;
using MobileSource.Vision.Analysis;
using OpenCvSharp;

namespace MobileSource.Analyze;

/// <summary>
/// Frames and their vehicle boxes for training the vehicle detector (tools/MobileSource.VehicleDetectorTrainer), as
/// `analyze detector-data` writes them: "MSDETEC1", then per frame: scene seed, frame index (int32), width, height
/// (int32), the frame's BGR bytes, the background's BGR bytes as lit now (<see cref="AnalysisImage.LitBackground"/>,
/// as <see cref="MobileSource.Vision.Tracking.VehicleDetectorModel"/> feeds it), the box count (int32) and each box as
/// x, y, width, height (int32, analysis pixels). Little-endian; frames appended as they come.
/// </summary>
internal sealed class DetectorDataFile(Stream stream) : IDisposable
{
    public const string Magic = "MSDETEC1";
    private readonly BinaryWriter _writer = WithMagic(stream);
    private readonly Lock _lock = new();

    public int Frames { get; private set; }

    private static BinaryWriter WithMagic(Stream stream)
    {
        var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: false);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        return w;
    }

    public void Write(int scene, long frame, AnalysisImage image, IReadOnlyList<Rect> boxes)
    {
        var background = new byte[image.Bgr.Length];
        for (var i = 0; i < background.Length; i++) background[i] = image.LitBackground(i);
        lock (_lock)
        {
            _writer.Write(scene);
            _writer.Write((int)frame);
            _writer.Write(image.Width);
            _writer.Write(image.Height);
            _writer.Write(image.Bgr);
            _writer.Write(background);
            _writer.Write(boxes.Count);
            foreach (var b in boxes)
            {
                _writer.Write(b.X);
                _writer.Write(b.Y);
                _writer.Write(b.Width);
                _writer.Write(b.Height);
            }
            Frames++;
        }
    }

    public void Dispose() => _writer.Dispose();
}

using System.Text;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>One frame of `analyze detector-data` (layout in src/MobileSource.Analyze/DetectorDataFile.cs).</summary>
internal sealed record LabelledFrame(int Scene, int Frame, int Width, int Height, byte[] Bgr, byte[] Background, float[][] Boxes);

internal static class FrameSet
{
    public static List<LabelledFrame> Read(IEnumerable<string> paths) => paths.SelectMany(ReadOne).ToList();

    private static IEnumerable<LabelledFrame> ReadOne(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.ASCII);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(8));
        if (magic != "MSDETEC1") throw new InvalidDataException($"{path}: not a detector data file (magic '{magic}', expected 'MSDETEC1')");
        var frames = new List<LabelledFrame>();
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var n = frames.Count + 1;
            try
            {
                int scene = reader.ReadInt32(), frame = reader.ReadInt32(), width = reader.ReadInt32(), height = reader.ReadInt32();
                if (width is < 16 or > 4096 || height is < 16 or > 4096)
                    throw new InvalidDataException($"{path}: frame {n} (scene {scene}) says {width}x{height} pixels");
                var bgr = Exactly(reader, width * height * 3);
                var background = Exactly(reader, width * height * 3);
                var count = reader.ReadInt32();
                if (count is < 0 or > 1000) throw new InvalidDataException($"{path}: frame {n} (scene {scene}) says {count} boxes");
                var boxes = new float[count][];
                for (var b = 0; b < count; b++) boxes[b] = [reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()];
                frames.Add(new LabelledFrame(scene, frame, width, height, bgr, background, boxes));
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"{path}: frame {n} is cut short");
            }
        }
        return frames;
    }

    private static byte[] Exactly(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }
}

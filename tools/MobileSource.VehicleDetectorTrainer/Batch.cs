using MobileSource.Vision.Tracking;
using static TorchSharp.torch;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>
/// Frames as the network's input (each byte / 255 - 0.5, frame BGR then background BGR, zero-padded right and down
/// to a multiple of 16, the same as <c>VehicleDetectorModel</c> does) and the CenterNet targets on the 1/4 grid.
/// </summary>
internal static class Batch
{
    public const int Multiple = 16;

    public static int Padded(int size) => (size + Multiple - 1) / Multiple * Multiple;

    /// <param name="flip">Mirror each frame left-right (training only): traffic on the other side of the road.</param>
    /// <param name="gains">Brightness of each frame and its background (training only): other light.</param>
    public static Tensor Input(IReadOnlyList<LabelledFrame> frames, bool[]? flip = null, float[]? gains = null)
    {
        int w = Padded(frames[0].Width), h = Padded(frames[0].Height), plane = w * h;
        var values = new float[frames.Count * DetectorNet.InputChannels * plane];
        for (var k = 0; k < frames.Count; k++)
        {
            var f = frames[k];
            if (Padded(f.Width) != w || Padded(f.Height) != h)
                throw new InvalidDataException($"scene {f.Scene} frame {f.Frame}: {f.Width}x{f.Height} does not batch with {frames[0].Width}x{frames[0].Height}");
            var mirror = flip?[k] ?? false;
            var gain = (gains?[k] ?? 1f) / 255f;
            var baseIndex = k * DetectorNet.InputChannels * plane;
            for (var y = 0; y < f.Height; y++)
            for (var x = 0; x < f.Width; x++)
            {
                var source = (y * f.Width + (mirror ? f.Width - 1 - x : x)) * 3;
                var target = baseIndex + y * w + x;
                for (var c = 0; c < 3; c++)
                {
                    values[target + c * plane] = Math.Min(1f, f.Bgr[source + c] * gain) - 0.5f;
                    values[target + (c + 3) * plane] = Math.Min(1f, f.Background[source + c] * gain) - 0.5f;
                }
            }
        }
        return tensor(values, [frames.Count, DetectorNet.InputChannels, h, w]);
    }

    /// <summary>Each frame's boxes, mirrored where the frame is.</summary>
    public static float[][][] Boxes(IReadOnlyList<LabelledFrame> frames, bool[]? flip = null) =>
        frames.Select((f, k) => f.Boxes.Select(b => flip?[k] ?? false ? new[] { f.Width - b[0] - b[2], b[1], b[2], b[3] } : b).ToArray()).ToArray();

    /// <summary>
    /// Targets on the grid: heat (a Gaussian around each box centre, 1 at its cell, sized by the box), and at each
    /// centre cell the log size in cells and the offset inside the cell, with a mask of the centre cells.
    /// </summary>
    public static (Tensor Heat, Tensor Size, Tensor Offset, Tensor Mask) Targets(float[][][] boxes, int width, int height)
    {
        int gw = Padded(width) / CenterDecoder.Stride, gh = Padded(height) / CenterDecoder.Stride, plane = gw * gh;
        var n = boxes.Length;
        var heat = new float[n * plane];
        var size = new float[n * 2 * plane];
        var offset = new float[n * 2 * plane];
        var mask = new float[n * plane];
        for (var k = 0; k < n; k++)
        foreach (var b in boxes[k])
        {
            if (b[2] < 2 || b[3] < 2) continue;
            float cx = (b[0] + b[2] / 2f) / CenterDecoder.Stride, cy = (b[1] + b[3] / 2f) / CenterDecoder.Stride;
            int ix = Math.Clamp((int)cx, 0, gw - 1), iy = Math.Clamp((int)cy, 0, gh - 1);
            float sx = Math.Max(0.6f, b[2] / CenterDecoder.Stride / 8f), sy = Math.Max(0.6f, b[3] / CenterDecoder.Stride / 8f);
            for (var y = Math.Max(0, iy - (int)(3 * sy) - 1); y <= Math.Min(gh - 1, iy + (int)(3 * sy) + 1); y++)
            for (var x = Math.Max(0, ix - (int)(3 * sx) - 1); x <= Math.Min(gw - 1, ix + (int)(3 * sx) + 1); x++)
            {
                float dx = (x - ix) / sx, dy = (y - iy) / sy;
                var v = x == ix && y == iy ? 1f : MathF.Exp(-(dx * dx + dy * dy) / 2f);
                ref var cell = ref heat[k * plane + y * gw + x];
                cell = Math.Max(cell, v);
            }
            var c = iy * gw + ix;
            mask[k * plane + c] = 1;
            size[(k * 2) * plane + c] = MathF.Log(b[2] / (float)CenterDecoder.Stride);
            size[(k * 2 + 1) * plane + c] = MathF.Log(b[3] / (float)CenterDecoder.Stride);
            offset[(k * 2) * plane + c] = cx - ix;
            offset[(k * 2 + 1) * plane + c] = cy - iy;
        }
        return (tensor(heat, [n, 1, gh, gw]), tensor(size, [n, 2, gh, gw]), tensor(offset, [n, 2, gh, gw]), tensor(mask, [n, 1, gh, gw]));
    }

    /// <summary>CenterNet's loss: focal loss on the heat (penalty-reduced near centres), L1 on size and offset at centres.</summary>
    public static Tensor Loss(Tensor output, float[][][] boxes, int width, int height)
    {
        var (heat, size, offset, mask) = Targets(boxes, width, height);
        var logit = output.narrow(1, 0, 1);
        var p = sigmoid(logit);
        var positive = heat.eq(1f).to_type(ScalarType.Float32);
        var count = positive.sum().clamp_min(1f);
        var positiveLoss = (nn.functional.logsigmoid(logit) * (1 - p).pow(2) * positive).sum();
        var negativeLoss = (nn.functional.logsigmoid(-logit) * p.pow(2) * (1 - heat).pow(4) * (1 - positive)).sum();
        var sizeLoss = ((output.narrow(1, 1, 2) - size).abs() * mask).sum();
        var offsetLoss = ((output.narrow(1, 3, 2) - offset).abs() * mask).sum();
        return (-(positiveLoss + negativeLoss) + sizeLoss + offsetLoss) / count;
    }
}

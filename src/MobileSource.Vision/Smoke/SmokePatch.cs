using MobileSource.Vision.Analysis;
using OpenCvSharp;

namespace MobileSource.Vision.Smoke;

/// <summary>
/// The region behind a vehicle as a small picture for the smoke patch network: the frame at full detect resolution
/// (where a plume's soft edge and a shadow's hard one still differ) and the learned road background as lit now, each
/// resized to <see cref="Side"/> x <see cref="Side"/>, planar: frame B, G, R, then background B, G, R.
/// </summary>
public static class SmokePatch
{
    public const int Side = 32;
    public const int Channels = 6;
    public const int Length = Channels * Side * Side;

    /// <param name="frame">The frame at detect resolution (BGR).</param>
    /// <param name="frameRegion">The region in <paramref name="frame"/>'s pixels.</param>
    /// <param name="image">The frame at analysis size with its background (<see cref="AnalysisImage.LitBackground"/>).</param>
    /// <param name="analysisRegion">The same region in analysis pixels.</param>
    public static byte[] Cut(Mat frame, Rect frameRegion, AnalysisImage image, Rect analysisRegion)
    {
        var patch = new byte[Length];
        var inFrame = frameRegion & new Rect(0, 0, frame.Width, frame.Height);
        if (inFrame.Width > 0 && inFrame.Height > 0)
        {
            using var crop = new Mat(frame, inFrame);
            using var small = new Mat();
            Cv2.Resize(crop, small, new Size(Side, Side), interpolation: InterpolationFlags.Area);
            CopyPlanar(small, patch, 0);
        }
        var inAnalysis = analysisRegion & new Rect(0, 0, image.Width, image.Height);
        if (inAnalysis.Width > 0 && inAnalysis.Height > 0)
        {
            using var lit = new Mat(inAnalysis.Height, inAnalysis.Width, MatType.CV_8UC3);
            var bytes = new byte[inAnalysis.Width * inAnalysis.Height * 3];
            for (var y = 0; y < inAnalysis.Height; y++)
            for (var x = 0; x < inAnalysis.Width * 3; x++)
                bytes[y * inAnalysis.Width * 3 + x] = image.LitBackground(((inAnalysis.Y + y) * image.Width + inAnalysis.X) * 3 + x);
            System.Runtime.InteropServices.Marshal.Copy(bytes, 0, lit.Data, bytes.Length);
            using var small = new Mat();
            Cv2.Resize(lit, small, new Size(Side, Side), interpolation: InterpolationFlags.Linear);
            CopyPlanar(small, patch, 3);
        }
        return patch;
    }

    private static void CopyPlanar(Mat small, byte[] patch, int firstChannel)
    {
        // Resize writes a new, continuous matrix.
        var bgr = new byte[Side * Side * 3];
        System.Runtime.InteropServices.Marshal.Copy(small.Data, bgr, 0, bgr.Length);
        for (var p = 0; p < Side * Side; p++)
        for (var c = 0; c < 3; c++)
            patch[(firstChannel + c) * Side * Side + p] = bgr[p * 3 + c];
    }
}

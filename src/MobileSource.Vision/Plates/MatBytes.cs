using System.Runtime.InteropServices;
using OpenCvSharp;

namespace MobileSource.Vision.Plates;

internal static class MatBytes
{
    /// <summary>The pixels of <paramref name="image"/> row after row without padding (a copy).</summary>
    public static byte[] Of(Mat image)
    {
        var height = image.Height;
        var rowBytes = image.Width * (int)image.ElemSize();
        var bytes = new byte[rowBytes * height];
        if (image.IsContinuous())
        {
            Marshal.Copy(image.Data, bytes, 0, bytes.Length);
            return bytes;
        }
        for (var y = 0; y < height; y++)
        {
            Marshal.Copy(image.Ptr(y), bytes, y * rowBytes, rowBytes);
        }
        return bytes;
    }
}

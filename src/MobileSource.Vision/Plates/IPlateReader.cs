using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>Finds and reads the plate inside a region of a frame (typically a tracked vehicle's box).</summary>
public interface IPlateReader
{
    /// <summary>The best grammar-valid plate in <paramref name="region"/> of <paramref name="frame"/>, or null.</summary>
    PlateRead? Read(Mat frame, Rect region);
}

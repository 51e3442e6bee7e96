using MobileSource.Vision.Analysis;
using OpenCvSharp;

namespace MobileSource.Vision.Tracking;

/// <summary>
/// Heavy or light from the box seen from behind or ahead: trucks and buses are tall for their width, and wide for
/// their position under perspective (the road narrows towards the top of the image).
/// </summary>
public static class VehicleClassifier
{
    public static VehicleClass Classify(Rect box, Size frame)
    {
        if (box.Width < 4 || box.Height < 4) return VehicleClass.Unknown;
        var aspect = box.Height / (double)box.Width;
        // Width relative to the road width at the box's bottom row, with the vanishing point near the top of the frame.
        var depth = Math.Max(0.15, box.Bottom / (double)frame.Height);
        var relativeWidth = box.Width / (double)frame.Width / depth;
        return aspect >= 0.85 || relativeWidth >= 0.3 ? VehicleClass.Heavy : VehicleClass.Light;
    }
}

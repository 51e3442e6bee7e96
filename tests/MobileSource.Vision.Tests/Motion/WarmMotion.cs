using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Motion;

/// <summary>A motion analyzer at the size of <paramref name="road"/> whose background has learned that empty road.</summary>
internal static class WarmMotion
{
    public static MotionAnalyzer On(Mat road)
    {
        var motion = new MotionAnalyzer(road.Width, road.Height, new MotionOptions());
        // The start-up median takes every 4th of the first 36 frames.
        for (var i = 0; i < 40; i++) motion.Analyze(road);
        return motion;
    }
}

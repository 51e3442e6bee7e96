using MobileSource.Vision.Analysis;
using MobileSource.Vision.Smoke;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Smoke;

/// <summary>The region behind a vehicle as the patch network sees it: the frame at full size, the background as lit now.</summary>
public class SmokePatchTests
{
    private const int Plane = SmokePatch.Side * SmokePatch.Side;

    /// <summary>A 320x180 analysis image (its own pixels unused here) over <paramref name="background"/>.</summary>
    private static AnalysisImage Analysis(float[] background, float gain) => new(320, 180, new byte[320 * 180 * 3], background, gain);

    [Fact]
    public void The_frame_region_comes_from_the_full_size_frame_and_the_background_from_the_analysis_background_as_lit_now()
    {
        // A 1280x720 frame whose region (640-767, 360-487) is BGR (10, 20, 30) and grey elsewhere; analysis at 320x180.
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(128, 128, 128));
        frame[new Rect(640, 360, 128, 128)].SetTo(new Scalar(10, 20, 30));
        var background = new float[320 * 180 * 3];
        for (var i = 0; i < background.Length; i += 3) (background[i], background[i + 1], background[i + 2]) = (100f, 80f, 60f);

        var patch = SmokePatch.Cut(frame, new Rect(640, 360, 128, 128), Analysis(background, 0.5f), new Rect(160, 90, 32, 32));

        Assert.Equal(SmokePatch.Length, patch.Length);
        Assert.All(patch[..Plane], v => Assert.Equal(10, v));
        Assert.All(patch[Plane..(2 * Plane)], v => Assert.Equal(20, v));
        Assert.All(patch[(2 * Plane)..(3 * Plane)], v => Assert.Equal(30, v));
        Assert.All(patch[(3 * Plane)..(4 * Plane)], v => Assert.Equal(50, v));
        Assert.All(patch[(4 * Plane)..(5 * Plane)], v => Assert.Equal(40, v));
        Assert.All(patch[(5 * Plane)..], v => Assert.Equal(30, v));
    }

    [Fact]
    public void A_region_reaching_past_the_frame_keeps_what_is_inside_and_a_region_wholly_outside_gives_a_black_patch()
    {
        using var frame = new Mat(180, 320, MatType.CV_8UC3, new Scalar(200, 200, 200));
        var background = Enumerable.Repeat(90f, 320 * 180 * 3).ToArray();

        var edge = SmokePatch.Cut(frame, new Rect(300, 160, 40, 40), Analysis(background, 1f), new Rect(300, 160, 40, 40));
        var outside = SmokePatch.Cut(frame, new Rect(400, 200, 40, 40), Analysis(background, 1f), new Rect(400, 200, 40, 40));

        Assert.All(edge[..Plane], v => Assert.Equal(200, v));
        Assert.All(edge[(3 * Plane)..], v => Assert.Equal(90, v));
        Assert.All(outside, v => Assert.Equal(0, v));
    }
}

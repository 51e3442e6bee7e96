using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Motion;

public sealed class RoadTextureTests
{
    private const int Width = 40;
    private const int Height = 20;

    /// <summary>Grey road (120) with a bright lane line (210) in columns 19-21.</summary>
    private static float[] Road()
    {
        var road = new float[Width * Height];
        for (var p = 0; p < road.Length; p++) road[p] = p % Width is >= 19 and <= 21 ? 210f : 120f;
        return road;
    }

    private static RoadTexture Prepared(float[] frame, float[] background)
    {
        var texture = new RoadTexture(Width, Height, new MotionOptions());
        texture.Prepare(frame, background);
        return texture;
    }

    [Fact]
    public void A_shadow_over_a_lane_line_still_shows_the_line()
    {
        var background = Road();
        var frame = background.Select(b => 0.5f * b).ToArray();
        var texture = Prepared(frame, background);

        Assert.False(texture.Hidden(20, 10));
        Assert.False(texture.Hidden(18, 10));
    }

    [Fact]
    public void Dense_smoke_over_a_lane_line_still_shows_the_line()
    {
        var background = Road();
        // Ringelmann 4: a fifth of the light gets through, plus sensor noise.
        var random = new Random(3);
        var frame = background.Select(b => 0.2f * b + (float)(random.NextDouble() * 4 - 2)).ToArray();
        var texture = Prepared(frame, background);

        Assert.False(texture.Hidden(20, 10));
    }

    [Fact]
    public void A_black_body_over_a_lane_line_hides_it()
    {
        var background = Road();
        var frame = Enumerable.Repeat(22f, Width * Height).ToArray();
        var texture = Prepared(frame, background);

        Assert.True(texture.Hidden(20, 10));
        Assert.True(texture.Hidden(18, 10));
    }

    [Fact]
    public void Where_the_road_has_no_texture_nothing_is_judged()
    {
        var background = Road();
        var frame = Enumerable.Repeat(22f, Width * Height).ToArray();
        var texture = Prepared(frame, background);

        Assert.False(texture.Hidden(5, 10));
        Assert.False(new RoadTexture(Width, Height, new MotionOptions()).Hidden(5, 10));
    }

    [Fact]
    public void A_black_truck_over_a_lane_line_is_an_object_where_its_shadow_over_the_other_line_is_shade()
    {
        using var road = new Mat(180, 320, MatType.CV_8UC3, new Scalar(118, 122, 125));
        Cv2.Line(road, new Point(100, 0), new Point(100, 180), new Scalar(210, 210, 210), 3);
        Cv2.Line(road, new Point(220, 0), new Point(220, 180), new Scalar(210, 210, 210), 3);
        using var motion = WarmMotion.On(road);

        using var frame = road.Clone();
        Cv2.Rectangle(frame, new Rect(80, 40, 40, 60), new Scalar(20, 20, 22), -1);
        using (var shadowed = new Mat(frame, new Rect(200, 40, 40, 60)))
            Cv2.Multiply(shadowed, new Scalar(0.5, 0.5, 0.5), shadowed);
        var f = motion.Analyze(frame);

        Assert.True(f.BackgroundReady);
        // The line is 5 pixels wide; at its edge the window holds line and road, so there is texture to judge by.
        Assert.Equal(PixelClass.Object, f.Class[70 * 320 + 98]);
        Assert.Equal(PixelClass.Shade, f.Class[70 * 320 + 218]);
        // Road without texture inside the body stays shade: a black body is joined by its blob's shape, not here.
        Assert.Equal(PixelClass.Shade, f.Class[70 * 320 + 85]);
    }
}

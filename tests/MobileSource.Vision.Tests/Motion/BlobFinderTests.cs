using MobileSource.Vision.Motion;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Motion;

public class BlobFinderTests
{
    private const int Width = 320, Height = 180;

    [Fact]
    public void Two_vehicles_side_by_side_with_road_between_them_are_two_blobs()
    {
        // Two trucks abreast with a 10 px strip of bare road between them: their union is mostly foreground, but the
        // strip says they are two vehicles (merged, the plume of one is credited to the other).
        var frame = Frame((new Rect(100, 60, 50, 60), PixelClass.Object), (new Rect(160, 60, 50, 60), PixelClass.Object));

        var blobs = Find(frame);

        Assert.Equal(2, blobs.Count);
        Assert.Contains(blobs, b => b.Left == 100 && b.Right == 150);
        Assert.Contains(blobs, b => b.Left == 160 && b.Right == 210);
    }

    [Fact]
    public void The_pieces_of_a_dark_vehicle_joined_by_its_shade_classed_body_are_one_blob()
    {
        // A black truck: only its roof edge and its lamps and bumper are object pixels; the body between darkens the
        // road like a shadow would.
        var frame = Frame(
            (new Rect(100, 60, 50, 60), PixelClass.Shade),
            (new Rect(100, 60, 50, 12), PixelClass.Object),
            (new Rect(100, 106, 50, 14), PixelClass.Object));

        var blob = Assert.Single(Find(frame));

        Assert.Equal(new Rect(100, 60, 50, 60), blob);
    }

    private static List<Rect> Find(MotionFrame frame)
    {
        using var finder = new BlobFinder(Width, Height, new MotionOptions());
        return finder.Find(frame);
    }

    private static MotionFrame Frame(params (Rect Box, byte Class)[] areas)
    {
        var frame = new MotionFrame(Width, Height) { BackgroundReady = true };
        foreach (var (box, cls) in areas)
            for (var y = box.Top; y < box.Bottom; y++)
            for (var x = box.Left; x < box.Right; x++)
                frame.Class[y * Width + x] = cls;
        return frame;
    }
}

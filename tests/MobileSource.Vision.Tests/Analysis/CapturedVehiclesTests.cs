using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

public class CapturedVehiclesTests
{
    private readonly CapturedVehicles _captured = new(TimeSpan.FromSeconds(2));

    [Fact]
    public void A_fragment_on_a_captured_vehicle_is_not_a_second_capture()
    {
        var truck = Moving(1, new Rect(100, 100, 60, 60), frames: 10);
        _captured.Add(truck);

        // A piece of the truck's rear tracked on its own from frame 5, moving with it.
        var fragment = Moving(2, new Rect(130, 95, 25, 40), frames: 10, firstFrame: 5);

        Assert.True(_captured.Covers(fragment));
    }

    [Fact]
    public void A_vehicle_re_acquired_where_its_lost_track_would_be_by_now_is_not_a_second_capture()
    {
        var truck = Moving(1, new Rect(100, 100, 60, 60), frames: 6); // ends on frame 5 at y 85, moving up 3 px a frame
        _captured.Add(truck);

        var again = Moving(2, new Rect(100, 100 - 3 * 12, 58, 58), frames: 3, firstFrame: 12); // by frame 14: y 58

        Assert.True(_captured.Covers(again));
    }

    [Fact]
    public void A_track_that_took_over_a_lost_captured_track_is_not_a_second_capture_though_it_drifted_from_the_prediction()
    {
        var truck = Moving(1, new Rect(100, 100, 60, 60), frames: 6); // lost after frame 5 at y 85, moving up 3 px a frame
        _captured.Add(truck);

        // Picked up again on frame 7 where the truck would be (y 79), but the new box slows and shrinks as the truck
        // recedes: by frame 20, when it is decided, the old prediction (y 40) no longer holds it.
        var again = new Track(2, new Rect(102, 79, 56, 56), 7, TimeSpan.FromSeconds(0.7));
        for (var f = 8; f <= 20; f++) again.Update(new Rect(104, 79 - (f - 7), 50, 50), f, TimeSpan.FromSeconds(f / 10.0));

        Assert.True(_captured.Covers(again));
    }

    [Fact]
    public void A_vehicle_alongside_a_captured_one_is_captured_on_its_own()
    {
        _captured.Add(Moving(1, new Rect(100, 100, 60, 60), frames: 10));

        // The lane beside it; perspective makes the boxes overlap by a third.
        var alongside = Moving(2, new Rect(140, 100, 60, 60), frames: 10);

        Assert.False(_captured.Covers(alongside));
    }

    [Fact]
    public void A_vehicle_where_a_captured_one_was_longer_ago_than_the_window_is_captured_on_its_own()
    {
        _captured.Add(Moving(1, new Rect(100, 100, 60, 60), frames: 3, velocityY: 0));

        var later = Moving(2, new Rect(100, 100, 60, 60), frames: 3, firstFrame: 40, velocityY: 0);

        Assert.False(_captured.Covers(later));
    }

    /// <summary>A track driving up the image <paramref name="velocityY"/> px a frame at 10 fps.</summary>
    private static Track Moving(int id, Rect start, int frames, int firstFrame = 0, int velocityY = -3)
    {
        var track = new Track(id, start, firstFrame, TimeSpan.FromSeconds(firstFrame / 10.0));
        for (var f = 1; f < frames; f++)
        {
            var frame = firstFrame + f;
            track.Update(new Rect(start.X, start.Y + velocityY * f, start.Width, start.Height), frame, TimeSpan.FromSeconds(frame / 10.0));
        }
        return track;
    }
}

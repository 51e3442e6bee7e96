using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

public class CapturedVehiclesTests
{
    private readonly CapturedVehicles _captured = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

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

    [Fact]
    public void A_fragment_whose_box_is_apart_but_shares_the_captured_vehicles_rear_is_not_a_second_capture()
    {
        // A tanker at dusk: its track holds the bright tank, a second track the dark chassis with the lamps below it.
        var tank = Moving(1, new Rect(100, 40, 60, 40), frames: 10);
        _captured.Add(tank);
        var chassis = Moving(2, new Rect(100, 95, 60, 15), frames: 4, firstFrame: 6);
        // Both brought onto the same tail lamps: the tank's box now reaches the ground below the chassis.
        var boxesNow = new Dictionary<int, Rect> { [1] = new(98, 13, 64, 102), [2] = new(98, 68, 64, 47) };

        Assert.False(_captured.Covers(chassis));
        Assert.True(_captured.Covers(chassis, boxesNow: boxesNow));
    }

    [Fact]
    public void A_vehicle_whose_plate_was_captured_within_the_plate_window_is_not_a_second_capture()
    {
        _captured.Add(Moving(1, new Rect(100, 100, 60, 60), frames: 3), "豫FH6750");

        // Its track broke and the new one is far from any prediction, 20 s on.
        var again = Moving(2, new Rect(300, 50, 40, 40), frames: 3, firstFrame: 200);
        Assert.True(_captured.Covers(again, "豫FH6750"));
        Assert.True(_captured.Covers(again, "豫FH675Q")); // one look-alike misread
        Assert.True(_captured.Covers(again, "皖FH675Q")); // and the 10-pixel province glyph taken for another
        Assert.False(_captured.Covers(again, "豫FH6781"));
        Assert.False(_captured.Covers(again, "豫GH675Q")); // another city, and a misread

        var nextHour = Moving(3, new Rect(300, 50, 40, 40), frames: 3, firstFrame: 36_000);
        Assert.False(_captured.Covers(nextHour, "豫FH6750"));
    }

    [Fact]
    public void A_vehicle_that_took_over_a_captured_track_is_captured_on_its_own()
    {
        // The captured truck's track ended on a blob that held it and the truck that ran into it from behind.
        var merged = Moving(1, new Rect(0, 0, 150, 148), frames: 10, velocityY: 0);
        _captured.Add(merged);

        var behind = new Track(2, new Rect(0, 0, 150, 148), 9, TimeSpan.FromSeconds(0.9), hits: 3) { SplitFrom = 1 };
        behind.Update(new Rect(10, 0, 140, 140), 10, TimeSpan.FromSeconds(1));

        Assert.False(_captured.Covers(behind));
    }

    [Fact]
    public void A_nearer_vehicle_whose_box_holds_where_a_receding_captured_one_would_be_is_captured_on_its_own()
    {
        // The captured truck recedes to the top of the view, small, and its track is lost there.
        var far = Moving(1, new Rect(160, 30, 40, 24), frames: 6); // lost after frame 5 at y 15
        _captured.Add(far);

        // A tanker in the same lane is picked up on the next frame, near and tall: its box holds the far truck's
        // predicted box, but it is four times as tall.
        var near = Moving(2, new Rect(150, 3, 70, 92), frames: 8, firstFrame: 6, velocityY: 0);

        Assert.False(_captured.Covers(near));
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

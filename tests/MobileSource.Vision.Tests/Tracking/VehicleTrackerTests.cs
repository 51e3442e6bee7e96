using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Tracking;

public class VehicleTrackerTests
{
    private static readonly TrackerOptions Options = new();

    [Fact]
    public void A_receding_vehicle_seen_whole_keeps_its_height_when_its_blob_grows_down_over_its_plume()
    {
        var tracker = new VehicleTracker(Options with { RecedingFrameHeight = 180 });
        // Driving away: the box moves up and shrinks; on frame 6 the blob suddenly reaches 25 px further down.
        for (var f = 0; f < 6; f++)
        {
            tracker.Update([new Rect(100, 100 - 4 * f, 60 - f, 60 - f)], f, TimeSpan.FromSeconds(f / 10.0));
        }
        tracker.Update([new Rect(100, 76, 54, 54 + 25)], 6, TimeSpan.FromSeconds(0.6));

        var box = tracker.Active.Single().Box;
        Assert.Equal(76, box.Y);
        Assert.Equal(59, box.Height); // the tallest of the last five heights (59..55), not the blob's 79
    }

    [Fact]
    public void A_bumper_that_broke_off_for_a_frame_joins_the_box_again()
    {
        var tracker = new VehicleTracker(Options with { RecedingFrameHeight = 180 });
        tracker.Update([new Rect(100, 60, 60, 80)], 0, TimeSpan.Zero);
        tracker.Update([new Rect(100, 58, 60, 79)], 1, TimeSpan.FromSeconds(0.1));
        tracker.Update([new Rect(100, 56, 60, 55)], 2, TimeSpan.FromSeconds(0.2)); // the dark bumper missed: body only
        tracker.Update([new Rect(100, 54, 60, 77)], 3, TimeSpan.FromSeconds(0.3)); // and back

        Assert.Equal(77, tracker.Active.Single().Box.Height);
    }

    [Fact]
    public void A_vehicle_still_entering_at_the_bottom_edge_takes_the_growing_blob()
    {
        var tracker = new VehicleTracker(Options with { RecedingFrameHeight = 180 });
        // Entering from the bottom: the box touches the bottom edge and grows as more of the vehicle comes into view.
        for (var f = 0; f < 4; f++)
        {
            tracker.Update([new Rect(100, 160 - 20 * f, 60, 20 + 20 * f)], f, TimeSpan.FromSeconds(f / 10.0));
        }

        Assert.Equal(new Rect(100, 100, 60, 80), tracker.Active.Single().Box);
    }

    [Fact]
    public void A_vehicle_that_coasted_through_a_merge_while_still_entering_takes_its_whole_blob_when_it_parts()
    {
        var tracker = new VehicleTracker(Options with { RecedingFrameHeight = 180 });
        // A truck receding ahead (seen whole), and a second one entering at the bottom edge beside it.
        for (var f = 0; f < 3; f++)
        {
            tracker.Update([new Rect(90, 20 - 4 * f, 56, 70), new Rect(0, 140 - 20 * f, 80, 40 + 20 * f)], f, TimeSpan.FromSeconds(f / 10.0));
        }
        var entering = tracker.Active.Single(t => t.Box.X == 0);
        // The two run together for two frames: both coast, the entering one's box moving up off the bottom edge.
        tracker.Update([new Rect(0, 4, 146, 176)], 3, TimeSpan.FromSeconds(0.3));
        tracker.Update([new Rect(0, 0, 146, 180)], 4, TimeSpan.FromSeconds(0.4));
        Assert.True(entering.Box.Bottom < 178);

        // They part: the entering truck is all in view now and far taller than its coasting box.
        tracker.Update([new Rect(0, 60, 84, 120)], 5, TimeSpan.FromSeconds(0.5));

        Assert.Equal(new Rect(0, 60, 84, 120), entering.Box); // not cut to the coasting box's height
        Assert.False(entering.SeenWhole);
    }

    [Fact]
    public void A_cars_track_does_not_take_the_truck_blob_that_appears_over_it()
    {
        var tracker = new VehicleTracker(Options with { RecedingFrameHeight = 180 });
        for (var f = 0; f < 4; f++)
        {
            tracker.Update([new Rect(100, 100 - 2 * f, 30, 24)], f, TimeSpan.FromSeconds(f / 10.0));
        }
        var car = tracker.Active.Single();

        // A truck entering from the bottom edge covers the car's place: its blob overlaps the car's box but is 8 times as big.
        tracker.Update([new Rect(80, 90, 80, 90)], 4, TimeSpan.FromSeconds(0.4));

        Assert.Equal(2, tracker.Active.Count);
        Assert.Equal(new Rect(100, 94, 30, 24), car.Box); // the car's own box, not the truck's (nor the truck cut to the car's height)
        Assert.Equal(new Rect(80, 90, 80, 90), tracker.Active.Single(t => t.Id != car.Id).Box);
    }

    [Fact]
    public void A_vehicle_driving_into_the_place_of_the_one_ahead_does_not_continue_its_track()
    {
        var tracker = new VehicleTracker(Options);
        var darkTruck = new Vec3f(60, 62, 64);
        for (var f = 0; f < 4; f++)
        {
            tracker.Update([new Rect(100, 20 - 2 * f, 60, 50)], f, TimeSpan.FromSeconds(f / 10.0), [darkTruck]);
        }
        var truck = tracker.Active.Single();

        // The truck has left at the top; a blue bus has driven up into the same place, its box about the same size.
        tracker.Update([new Rect(98, 14, 64, 54)], 4, TimeSpan.FromSeconds(0.4), [new Vec3f(150, 70, 40)]);

        Assert.Equal(2, tracker.Active.Count);
        Assert.NotEqual(new Rect(98, 14, 64, 54), truck.Box);
    }

    [Fact]
    public void A_vehicle_whose_colour_drifts_slowly_keeps_its_track()
    {
        var tracker = new VehicleTracker(Options);
        for (var f = 0; f < 8; f++)
        {
            // Driving into a cloud shadow: a few grey levels darker each frame.
            var grey = 120f - 6 * f;
            tracker.Update([new Rect(100, 100 - 3 * f, 60, 50)], f, TimeSpan.FromSeconds(f / 10.0), [new Vec3f(grey, grey, grey)]);
        }

        Assert.Equal(8, tracker.Active.Single().Hits);
    }

    [Fact]
    public void Two_vehicles_crossing_keep_their_ids_through_the_merged_blob()
    {
        var tracker = new VehicleTracker(Options);
        var ids = new Dictionary<string, int>();
        for (var f = 0; f < 40; f++)
        {
            // A drives right, B drives left on the same row; for frames 17-22 they are one blob.
            var a = new Rect(20 + 8 * f, 100, 40, 30);
            var b = new Rect(340 - 8 * f, 104, 40, 30);
            var blobs = (a & b).Width > 0 ? [a | b] : new List<Rect> { a, b };
            tracker.Update(blobs, f, TimeSpan.FromSeconds(f / 10.0));
            if (f == 10)
            {
                ids["A"] = tracker.Active.Single(t => t.Box == a).Id;
                ids["B"] = tracker.Active.Single(t => t.Box == b).Id;
            }
        }
        var last = 39;
        var finalA = new Rect(20 + 8 * last, 100, 40, 30);
        var finalB = new Rect(340 - 8 * last, 104, 40, 30);
        Assert.Equal(ids["A"], tracker.Active.Single(t => t.Box == finalA).Id);
        Assert.Equal(ids["B"], tracker.Active.Single(t => t.Box == finalB).Id);
        Assert.Equal(2, tracker.ConfirmedCount);
    }

    [Fact]
    public void A_vehicle_hidden_for_a_few_frames_keeps_its_id_and_a_new_one_never_reuses_an_old_id()
    {
        var tracker = new VehicleTracker(Options);
        int? id = null;
        for (var f = 0; f < 30; f++)
        {
            var box = new Rect(200, 300 - 6 * f, 50, 40);
            var hidden = f is >= 12 and < 16; // behind a gantry pillar
            tracker.Update(hidden ? [] : [box], f, TimeSpan.Zero);
            if (f == 5) id = tracker.Active.Single().Id;
            if (!hidden && f > 5) Assert.Equal(id, tracker.Active.Single().Id);
        }
        var ended = new List<Track>();
        for (var f = 30; f < 40; f++) ended.AddRange(tracker.Update([], f, TimeSpan.Zero));
        Assert.Equal(id, Assert.Single(ended).Id);
        tracker.Update([new Rect(200, 300, 50, 40)], 41, TimeSpan.Zero);
        Assert.True(tracker.Active.Single().Id > id);
    }

    [Fact]
    public void A_split_track_ends_and_a_confirmed_track_with_a_new_id_takes_its_box()
    {
        var tracker = new VehicleTracker(Options);
        for (var f = 0; f < 5; f++) tracker.Update([new Rect(100, 100 - 4 * f, 60, 60)], f, TimeSpan.FromSeconds(f / 10.0));
        var first = tracker.Active.Single();

        var successor = tracker.Split(first);

        Assert.Equal(successor, tracker.Active.Single());
        Assert.True(successor.Id > first.Id);
        Assert.Equal(first.Id, successor.SplitFrom);
        Assert.Equal(first.Box, successor.Box);
        Assert.True(tracker.IsConfirmed(successor));
        Assert.Equal(2, tracker.ConfirmedCount);
        Assert.Throws<ArgumentException>(() => tracker.Split(first));
    }
}

using MobileSource.Vision.Analysis;
using MobileSource.Vision.Tracking;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Analysis;

public class PlateSearchTests
{
    private static readonly Size Frame = new(1280, 720);

    [Fact]
    public void With_tail_lamps_found_the_plate_is_looked_for_around_them_not_higher_up_in_the_box()
    {
        // A truck whose box also holds the car close behind it (higher in the image): lamp centres at x 410 and 610, y 500.
        var box = new Rect(380, 150, 260, 400);
        var rear = new VehicleRear(new Rect(400, 495, 20, 10), new Rect(600, 495, 20, 10));

        var region = PlateSearch.Region(box, rear, Frame);

        Assert.Equal(new Rect(360, 400, 300, 200), region);
        var followersPlate = new Rect(480, 260, 60, 18);
        Assert.True((region & followersPlate).Width * (region & followersPlate).Height == 0, $"{region} takes in the follower's plate");
    }

    [Fact]
    public void Without_lamps_the_whole_box_and_a_margin_is_searched_within_the_frame()
    {
        Assert.Equal(new Rect(1192, 588, 88, 132), PlateSearch.Region(new Rect(1200, 600, 80, 120), null, Frame));
    }
}

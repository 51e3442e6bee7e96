using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

[Collection(OcrCollection.Name)]
public sealed class PlateReaderTests(OcrFixture ocr)
{
    public static TheoryData<string, PlateColour, int, string> Cases()
    {
        var data = new TheoryData<string, PlateColour, int, string>();
        (string, PlateColour)[] plates = [("豫F12345", PlateColour.Blue), ("豫F8B5Z2", PlateColour.Yellow), ("豫FD12345", PlateColour.Green), ("京A0Q1D9", PlateColour.Blue)];
        string[] conditions = ["clean", "blur", "noise", "jpeg", "rotated", "perspective", "dusk"];
        var i = 0;
        foreach (var (plate, colour) in plates)
        {
            foreach (var height in new[] { 20, 32, 60 })
            {
                data.Add(plate, colour, height, conditions[i++ % conditions.Length]);
            }
        }
        foreach (var condition in conditions)
        {
            data.Add("豫F52001", PlateColour.Yellow, 26, condition);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_plate_and_its_colour_inside_a_vehicle(string plate, PlateColour colour, int height, string condition)
    {
        using var sample = PlateSamples.Make(plate, colour, height, condition, new Scalar(180, 180, 185));

        var read = ocr.Reader.Read(sample.Image, new Rect(0, 0, sample.Image.Width, sample.Image.Height));

        Assert.NotNull(read);
        Assert.Equal(plate, read.Text);
        Assert.Equal(colour, read.Colour);
        Assert.InRange(read.Confidence, 0.6, 1.0);
        Assert.True(read.Box.IntersectsWith(sample.PlateBox), $"box {read.Box} is not on the plate at {sample.PlateBox}");
    }

    [Fact]
    public void Box_is_in_frame_coordinates_when_the_region_is_part_of_the_frame()
    {
        using var sample = PlateSamples.Make("豫F12345", PlateColour.Blue, 30, "clean", new Scalar(60, 60, 60));
        using var frame = new Mat(sample.Image.Height + 100, sample.Image.Width + 200, MatType.CV_8UC3, new Scalar(120, 130, 120));
        sample.Image.CopyTo(frame[new Rect(150, 80, sample.Image.Width, sample.Image.Height)]);

        var read = ocr.Reader.Read(frame, new Rect(150, 80, sample.Image.Width, sample.Image.Height));

        Assert.NotNull(read);
        Assert.True(read.Box.IntersectsWith(new Rect(sample.PlateBox.X + 150, sample.PlateBox.Y + 80, sample.PlateBox.Width, sample.PlateBox.Height)));
    }

    [Fact]
    public void A_white_plate_is_found_by_the_text_detector()
    {
        using var sample = PlateSamples.Make("豫F1234警", PlateColour.White, 36, "clean", new Scalar(70, 50, 40));

        var read = ocr.Reader.Read(sample.Image, new Rect(0, 0, sample.Image.Width, sample.Image.Height));

        Assert.NotNull(read);
        Assert.Equal("豫F1234警", read.Text);
        Assert.Equal(PlateColour.White, read.Colour);
    }

    [Fact]
    public void A_vehicle_without_a_plate_reads_null()
    {
        using var scene = new Mat(200, 320, MatType.CV_8UC3, new Scalar(150, 40, 30));
        for (var y = 40; y < 100; y += 8)
        {
            Cv2.Line(scene, new Point(50, y), new Point(270, y), new Scalar(40, 40, 40), 3);
        }
        Cv2.Rectangle(scene, new Rect(0, 150, 320, 25), new Scalar(30, 30, 30), -1);

        Assert.Null(ocr.Reader.Read(scene, new Rect(0, 0, 320, 200)));
    }

    [Fact]
    public void Plate_shaped_signs_with_non_plate_text_read_null()
    {
        using var scene = new Mat(160, 320, MatType.CV_8UC3, new Scalar(200, 200, 200));
        Cv2.Rectangle(scene, new Rect(60, 60, 190, 56), new Scalar(160, 60, 10), -1);
        Cv2.PutText(scene, "EXIT 250m", new Point(72, 100), HersheyFonts.HersheySimplex, 1.0, Scalar.White, 2);

        Assert.Null(ocr.Reader.Read(scene, new Rect(0, 0, 320, 160)));
    }

    [Fact]
    public void Grammar_invalid_text_is_never_returned()
    {
        // Letters-only, too long and too short "plates" on plate-coloured backgrounds: whatever is read must be a valid plate.
        foreach (var text in new[] { "ABCDEFGH", "A123456", "12345", "F1234567" })
        {
            using var scene = new Mat(160, 320, MatType.CV_8UC3, new Scalar(200, 200, 200));
            Cv2.Rectangle(scene, new Rect(50, 60, 210, 60), new Scalar(160, 60, 10), -1);
            Cv2.PutText(scene, text, new Point(58, 102), HersheyFonts.HersheySimplex, 1.1, Scalar.White, 2);

            var read = ocr.Reader.Read(scene, new Rect(0, 0, 320, 160));

            Assert.True(read is null || PlateNumber.TryParse(read.Text, out _, out _), $"'{text}' was read as invalid '{read?.Text}'");
        }
    }

    [Fact]
    public void A_region_outside_the_frame_reads_null()
    {
        using var frame = new Mat(100, 100, MatType.CV_8UC3, Scalar.All(0));

        Assert.Null(ocr.Reader.Read(frame, new Rect(200, 200, 50, 50)));
    }

    [Fact]
    public void A_frame_that_is_not_bgr_is_refused_with_its_type()
    {
        using var gray = new Mat(100, 100, MatType.CV_8UC1, Scalar.All(0));

        var error = Assert.Throws<ArgumentException>(() => ocr.Reader.Read(gray, new Rect(0, 0, 100, 100)));

        Assert.Contains("CV_8UC3", error.Message);
    }
}

using MobileSource.Domain.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

[Collection(OcrCollection.Name)]
public sealed class SharedSessionTests(OcrFixture ocr)
{
    [Fact]
    public void One_reader_serves_several_cameras_at_once_with_the_same_reads_as_one_at_a_time()
    {
        var samples = new[]
        {
            PlateSamples.Make("豫F12345", PlateColour.Blue, 30, "clean", new Scalar(90, 90, 90)),
            PlateSamples.Make("豫FD12345", PlateColour.Green, 34, "noise", new Scalar(200, 190, 180)),
            PlateSamples.Make("豫F8B5Z2", PlateColour.Yellow, 40, "jpeg", new Scalar(60, 120, 160)),
        };
        try
        {
            var expected = samples.Select(s => ocr.Reader.Read(s.Image, Whole(s.Image))?.Text).ToArray();

            var concurrent = new string?[4 * samples.Length];
            Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var sample = samples[i % samples.Length];
                concurrent[i] = ocr.Reader.Read(sample.Image, Whole(sample.Image))?.Text;
            });

            Assert.Equal(new string?[] { "豫F12345", "豫FD12345", "豫F8B5Z2" }.AsEnumerable(), expected);
            for (var i = 0; i < concurrent.Length; i++)
            {
                Assert.Equal(expected[i % samples.Length], concurrent[i]);
            }
        }
        finally
        {
            foreach (var s in samples)
            {
                s.Dispose();
            }
        }
    }

    private static Rect Whole(Mat image) => new(0, 0, image.Width, image.Height);
}

using MobileSource.Vision.Tracking;

namespace MobileSource.Vision.Tests.Tracking;

public class CenterDecoderTests
{
    private const int W = 8, H = 6, Cells = W * H;

    /// <summary>A grid of empty road (every centre logit -5), with the given cells set.</summary>
    private static float[] Grid(params (int X, int Y, float Logit, float Width, float Height, float Dx, float Dy)[] centres)
    {
        var grid = new float[CenterDecoder.Planes * Cells];
        Array.Fill(grid, -5f, 0, Cells);
        foreach (var c in centres)
        {
            var i = c.Y * W + c.X;
            grid[i] = c.Logit;
            grid[Cells + i] = MathF.Log(c.Width / CenterDecoder.Stride);
            grid[2 * Cells + i] = MathF.Log(c.Height / CenterDecoder.Stride);
            grid[3 * Cells + i] = c.Dx;
            grid[4 * Cells + i] = c.Dy;
        }
        return grid;
    }

    [Fact]
    public void A_centre_over_the_threshold_becomes_a_box_of_its_size_around_its_point()
    {
        var box = Assert.Single(CenterDecoder.Decode(Grid((3, 2, 2f, 20, 12, 0.5f, 0.25f)), W, H, 0.5f));
        // Centre (3.5, 2.25) cells = (14, 9) pixels; 20 x 12 pixels around it.
        Assert.Equal(4f, box.X, 3);
        Assert.Equal(3f, box.Y, 3);
        Assert.Equal(20f, box.Width, 3);
        Assert.Equal(12f, box.Height, 3);
        Assert.Equal(1 / (1 + MathF.Exp(-2f)), box.Score, 4);
    }

    [Fact]
    public void Only_the_strongest_of_neighbouring_cells_and_only_over_the_threshold_count()
    {
        var grid = Grid((3, 2, 2f, 20, 12, 0, 0), (4, 2, 1f, 20, 12, 0, 0), (6, 5, 3f, 8, 8, 0, 0), (0, 0, -0.5f, 8, 8, 0, 0));
        var boxes = CenterDecoder.Decode(grid, W, H, 0.5f);
        Assert.Equal(2, boxes.Count);
        Assert.Contains(boxes, b => Math.Abs(b.Width - 20) < 1e-3);
        Assert.Contains(boxes, b => Math.Abs(b.Width - 8) < 1e-3 && Math.Abs(b.X - 20) < 1e-3);
        // A lower threshold takes the weak centre too; its stronger neighbour still hides the one beside it.
        Assert.Equal(3, CenterDecoder.Decode(grid, W, H, 0.3f).Count);
    }

    [Fact]
    public void Two_equal_neighbouring_cells_give_one_box()
    {
        var grid = Grid((3, 2, 2f, 20, 12, 0, 0), (4, 2, 2f, 20, 12, 0, 0));
        Assert.Single(CenterDecoder.Decode(grid, W, H, 0.5f));
    }

    [Fact]
    public void A_grid_shorter_than_its_size_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => CenterDecoder.Decode(new float[10], W, H, 0.5f));
        Assert.Contains($"needs {CenterDecoder.Planes * Cells} values, got 10", e.Message);
    }
}

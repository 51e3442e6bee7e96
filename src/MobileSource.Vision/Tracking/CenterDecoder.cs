namespace MobileSource.Vision.Tracking;

/// <summary>A box the vehicle detector found, in the pixels of the image it was given.</summary>
internal readonly record struct DetectedBox(float X, float Y, float Width, float Height, float Score);

/// <summary>
/// Turns the vehicle detector's output grid into boxes, as CenterNet does: one grid cell per
/// <see cref="Stride"/> x <see cref="Stride"/> pixels, five planes per cell (the logit that a vehicle's box centre lies
/// in the cell, the box's log width and log height in cells, and the centre's offset inside the cell). A vehicle is a
/// cell over the threshold that no neighbour outscores, so no box-overlap suppression is needed. Shared with the
/// trainer (tools/MobileSource.VehicleDetectorTrainer), so its metrics are those of the deployed decoding.
/// </summary>
internal static class CenterDecoder
{
    public const int Stride = 4;
    public const int Planes = 5;

    /// <param name="grid">Planar [<see cref="Planes"/>, height, width] output of one image.</param>
    /// <param name="threshold">Lowest probability (0-1) that a centre is kept.</param>
    public static List<DetectedBox> Decode(ReadOnlySpan<float> grid, int width, int height, float threshold)
    {
        if (grid.Length < Planes * width * height)
            throw new ArgumentException($"a {width}x{height} grid needs {Planes * width * height} values, got {grid.Length}", nameof(grid));
        var cells = width * height;
        var heat = grid[..cells];
        var minLogit = MathF.Log(threshold / (1 - threshold));
        var boxes = new List<DetectedBox>();
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var c = y * width + x;
            var logit = heat[c];
            if (logit < minLogit || !IsPeak(heat, width, height, x, y, logit)) continue;
            var w = MathF.Exp(Math.Clamp(grid[cells + c], -4f, 6f)) * Stride;
            var h = MathF.Exp(Math.Clamp(grid[2 * cells + c], -4f, 6f)) * Stride;
            var cx = (x + grid[3 * cells + c]) * Stride;
            var cy = (y + grid[4 * cells + c]) * Stride;
            boxes.Add(new DetectedBox(cx - w / 2, cy - h / 2, w, h, 1f / (1f + MathF.Exp(-logit))));
        }
        return boxes;
    }

    private static bool IsPeak(ReadOnlySpan<float> heat, int width, int height, int x, int y, float logit)
    {
        for (var dy = -1; dy <= 1; dy++)
        for (var dx = -1; dx <= 1; dx++)
        {
            int nx = x + dx, ny = y + dy;
            if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            var other = heat[ny * width + nx];
            // Ties go to the first cell in reading order, so a flat peak gives one box.
            if (other > logit || other == logit && (dy < 0 || dy == 0 && dx < 0)) return false;
        }
        return true;
    }
}

using OpenCvSharp;

namespace MobileSource.Vision.Plates;

/// <summary>
/// Joins text boxes that lie on one line: the detector often splits a plate at its separator dot
/// (豫F | 12345), and neither half is plate-shaped alone.
/// </summary>
internal static class TextLines
{
    public static IReadOnlyList<(RotatedRect Box, double Score)> Merge(IReadOnlyList<(RotatedRect Box, double Score)> boxes)
    {
        var lines = boxes.Select(b => (Rect: b.Box.BoundingRect(), Points: b.Box.Points().ToList(), b.Score, b.Box)).ToList();
        bool merged;
        do
        {
            merged = false;
            for (var i = 0; i < lines.Count && !merged; i++)
            {
                for (var j = i + 1; j < lines.Count && !merged; j++)
                {
                    if (!SameLine(lines[i].Rect, lines[j].Rect))
                    {
                        continue;
                    }
                    var points = lines[i].Points.Concat(lines[j].Points).ToList();
                    var box = Cv2.MinAreaRect(points);
                    var score = Math.Min(lines[i].Score, lines[j].Score);
                    lines[i] = (box.BoundingRect(), points, score, box);
                    lines.RemoveAt(j);
                    merged = true;
                }
            }
        }
        while (merged);
        return lines.Select(l => (l.Box, l.Score)).ToList();
    }

    /// <summary>Similar height, overlapping vertically by most of it, and at most one height apart horizontally.</summary>
    private static bool SameLine(Rect a, Rect b)
    {
        var heightRatio = a.Height / (double)b.Height;
        if (heightRatio is < 0.7 or > 1.4)
        {
            return false;
        }
        var overlap = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var gap = Math.Max(a.Left, b.Left) - Math.Min(a.Right, b.Right);
        return overlap >= 0.6 * Math.Min(a.Height, b.Height) && gap <= Math.Max(a.Height, b.Height);
    }
}

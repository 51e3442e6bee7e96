using MobileSource.Vision.Tracking;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>Detected boxes matched to the truth (greedy by score, IoU at least <see cref="MinIoU"/>).</summary>
internal sealed class BoxMetrics
{
    public const double MinIoU = 0.5;
    /// <summary>Truth boxes by height (analysis pixels): far, middle, near.</summary>
    public static readonly (string Name, float Min, float Max)[] Bands = [("under16px", 0, 16), ("16to40px", 16, 40), ("over40px", 40, float.MaxValue)];

    public int Truth, Detected, Matched;
    public readonly int[] TruthByBand = new int[Bands.Length], MatchedByBand = new int[Bands.Length];
    public double IoUSum;

    public double Precision => Detected == 0 ? 0 : Matched / (double)Detected;
    public double Recall => Truth == 0 ? 0 : Matched / (double)Truth;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(IReadOnlyList<DetectedBox> detected, IReadOnlyList<float[]> truth)
    {
        var used = new bool[truth.Count];
        Detected += detected.Count;
        foreach (var t in truth) TruthByBand[Band(t[3])]++;
        Truth += truth.Count;
        foreach (var d in detected.OrderByDescending(d => d.Score))
        {
            var best = -1;
            var bestIoU = MinIoU;
            for (var i = 0; i < truth.Count; i++)
            {
                if (used[i]) continue;
                var iou = IoU(d, truth[i]);
                if (iou >= bestIoU) (best, bestIoU) = (i, iou);
            }
            if (best < 0) continue;
            used[best] = true;
            Matched++;
            MatchedByBand[Band(truth[best][3])]++;
            IoUSum += bestIoU;
        }
    }

    private static int Band(float height) => Array.FindIndex(Bands, b => height >= b.Min && height < b.Max);

    private static double IoU(DetectedBox d, float[] t)
    {
        var w = Math.Min(d.X + d.Width, t[0] + t[2]) - Math.Max(d.X, t[0]);
        var h = Math.Min(d.Y + d.Height, t[1] + t[3]) - Math.Max(d.Y, t[1]);
        if (w <= 0 || h <= 0) return 0;
        var inter = w * h;
        return inter / (d.Width * d.Height + t[2] * t[3] - inter);
    }

    public object Report() => new
    {
        truthBoxes = Truth, detected = Detected, matched = Matched,
        precision = Math.Round(Precision, 4), recall = Math.Round(Recall, 4), f1 = Math.Round(F1, 4),
        meanIoU = Matched == 0 ? 0 : Math.Round(IoUSum / Matched, 4),
        recallByHeight = Bands.Select((b, i) => new { band = b.Name, truth = TruthByBand[i], recall = TruthByBand[i] == 0 ? 0 : Math.Round(MatchedByBand[i] / (double)TruthByBand[i], 4) }),
    };
}

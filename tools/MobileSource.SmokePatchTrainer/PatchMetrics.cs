namespace MobileSource.SmokePatchTrainer;

/// <summary>
/// Held-out measures of the network next to the frame model (the score `analyze smoke-patches --model` stored) on the
/// same regions: AUC over all regions and over faint plumes (level 2 or less) against all clean regions, and the level
/// error on smoke regions.
/// </summary>
internal sealed record PatchMetrics(double Auc, double FaintAuc, double ModelAuc, double ModelFaintAuc, double MeanAuc, double StackedAuc, double StackedFaintAuc, double LevelMae)
{
    public static PatchMetrics Measure((float Smoke, float Level)[] predictions, LabelledPatch[] patches)
    {
        var net = predictions.Select(p => (double)p.Smoke).ToArray();
        var model = patches.Select(p => (double)p.ModelScore).ToArray();
        var mean = net.Zip(model, (a, b) => (a + b) / 2).ToArray();
        var stacked = Stacked(net, model, patches);
        var labels = patches.Select(p => p.Smoke).ToArray();
        var faint = patches.Select(p => !p.Smoke || p.Level <= 2).ToArray();
        var smoke = patches.Select((p, i) => (p, i)).Where(x => x.p.Smoke).ToList();
        return new PatchMetrics(AreaUnderRoc(net, labels, null), AreaUnderRoc(net, labels, faint), AreaUnderRoc(model, labels, null), AreaUnderRoc(model, labels, faint),
            AreaUnderRoc(mean, labels, null), AreaUnderRoc(stacked, labels, null), AreaUnderRoc(stacked, labels, faint), smoke.Count == 0 ? double.NaN : smoke.Average(x => Math.Abs(predictions[x.i].Level - x.p.Level)));
    }

    /// <summary>
    /// What the frame model would gain from the network's score as one more input, estimated cheaply: a logistic
    /// regression on both scores' logits, fitted on half of the held-out scenes and applied to the other half (and the
    /// other way round).
    /// </summary>
    private static double[] Stacked(double[] net, double[] model, LabelledPatch[] patches)
    {
        static double Logit(double p) => Math.Log(Math.Clamp(p, 1e-4, 1 - 1e-4) / (1 - Math.Clamp(p, 1e-4, 1 - 1e-4)));
        var x = net.Select((n, i) => (A: Logit(n), B: Logit(model[i]))).ToArray();
        var half = patches.Select(p => p.Scene % 2 == 0).ToArray();
        var result = new double[patches.Length];
        foreach (var fitOn in new[] { true, false })
        {
            double w0 = 0, wa = 0, wb = 0;
            var idx = Enumerable.Range(0, patches.Length).Where(i => half[i] == fitOn).ToArray();
            for (var step = 0; step < 300; step++)
            {
                double g0 = 0, ga = 0, gb = 0;
                foreach (var i in idx)
                {
                    var p = 1 / (1 + Math.Exp(-(w0 + wa * x[i].A + wb * x[i].B)));
                    var e = p - (patches[i].Smoke ? 1 : 0);
                    g0 += e; ga += e * x[i].A; gb += e * x[i].B;
                }
                w0 -= 0.5 * g0 / idx.Length; wa -= 0.5 * ga / idx.Length; wb -= 0.5 * gb / idx.Length;
            }
            for (var i = 0; i < patches.Length; i++)
                if (half[i] != fitOn) result[i] = w0 + wa * x[i].A + wb * x[i].B;
        }
        return result;
    }

    /// <summary>Area under the ROC curve by ranks (ties averaged), over the regions <paramref name="include"/> keeps.</summary>
    private static double AreaUnderRoc(double[] scores, bool[] labels, bool[]? include)
    {
        var items = scores.Select((s, i) => (s, l: labels[i], i)).Where(x => include?[x.i] ?? true).OrderBy(x => x.s).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < items.Length;)
        {
            var j = i;
            while (j < items.Length && items[j].s == items[i].s) j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
                if (items[k].l) { rankSum += rank; positives++; }
            i = j;
        }
        long negatives = items.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    public object Report() => new
    {
        auc = Math.Round(Auc, 4),
        faintAuc = Math.Round(FaintAuc, 4),
        frameModelAuc = Math.Round(ModelAuc, 4),
        frameModelFaintAuc = Math.Round(ModelFaintAuc, 4),
        meanOfBothAuc = Math.Round(MeanAuc, 4),
        stackedAuc = Math.Round(StackedAuc, 4),
        stackedFaintAuc = Math.Round(StackedFaintAuc, 4),
        levelMae = Math.Round(LevelMae, 4),
    };
}

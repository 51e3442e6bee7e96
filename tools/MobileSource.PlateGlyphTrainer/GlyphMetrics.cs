namespace MobileSource.PlateGlyphTrainer;

/// <summary>
/// How well the classifier tells the provinces apart: the home province against the others (AUC, share right per read
/// and per vehicle, by plate height), and which other province a foreign glyph is (per read and per vehicle, the
/// vehicle's reads' log-probabilities summed).
/// </summary>
internal sealed record GlyphMetrics(double HomeAuc, double HomeAccuracy, double OtherAccuracy, double VehicleHomeAccuracy, double VehicleOtherAccuracy,
    double ForeignProvinceAccuracy, double VehicleForeignProvinceAccuracy, IReadOnlyList<object> ByPlateHeight)
{
    /// <param name="p">Per glyph, the probability of each province in <paramref name="provinces"/> order (home first).</param>
    public static GlyphMetrics Measure(float[][] p, IReadOnlyList<LabelledGlyph> glyphs, string provinces)
    {
        var home = provinces[0];
        bool IsHome(int i) => glyphs[i].Truth == home;
        bool SaysHome(int i) => p[i][0] >= 0.5;
        var indices = Enumerable.Range(0, glyphs.Count).ToList();
        var vehicles = indices.GroupBy(i => (glyphs[i].Scene, glyphs[i].Vehicle))
            .Select(g => (Truth: glyphs[g.First()].Truth, LogP: Enumerable.Range(0, provinces.Length).Select(k => g.Sum(i => Math.Log(Math.Max(p[i][k], 1e-6)))).ToArray()))
            .ToList();
        var byHeight = indices.GroupBy(i => Math.Min(glyphs[i].PlateHeight / 4 * 4, 24)).OrderBy(g => g.Key)
            .Select(g => (object)new
            {
                plateHeight = g.Key >= 24 ? "24+" : $"{g.Key}-{g.Key + 3}",
                reads = g.Count(),
                homeAccuracy = Share(g.Where(IsHome).Select(SaysHome)),
                otherAccuracy = Share(g.Where(i => !IsHome(i)).Select(i => !SaysHome(i))),
            })
            .ToList();
        return new GlyphMetrics(AreaUnderCurve(p.Select(x => x[0]).ToArray(), indices.Select(IsHome).ToArray()),
            Share(indices.Where(IsHome).Select(SaysHome)), Share(indices.Where(i => !IsHome(i)).Select(i => !SaysHome(i))),
            Share(vehicles.Where(v => v.Truth == home).Select(v => v.LogP.ToList().IndexOf(v.LogP.Max()) == 0)),
            Share(vehicles.Where(v => v.Truth != home).Select(v => v.LogP.ToList().IndexOf(v.LogP.Max()) != 0)),
            Share(indices.Where(i => !IsHome(i)).Select(i => provinces[ForeignArgMax(p[i])] == glyphs[i].Truth)),
            Share(vehicles.Where(v => v.Truth != home).Select(v => provinces[ForeignArgMax(v.LogP)] == v.Truth)),
            byHeight);
    }

    /// <summary>The likeliest province other than the home one (index 0).</summary>
    private static int ForeignArgMax<T>(T[] scores) where T : IComparable<T>
    {
        var best = 1;
        for (var k = 2; k < scores.Length; k++) if (scores[k].CompareTo(scores[best]) > 0) best = k;
        return best;
    }

    private static double Share(IEnumerable<bool> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? double.NaN : Math.Round(list.Count(o => o) / (double)list.Count, 4);
    }

    /// <summary>Area under the ROC curve: the chance a home glyph scores above another province's (ties count half).</summary>
    public static double AreaUnderCurve(float[] scores, bool[] positive)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]]) j++;
            var rank = (i + j + 1) / 2.0; // mean 1-based rank of the tie group
            for (var k = i; k < j; k++) if (positive[order[k]]) rankSum += rank;
            i = j;
        }
        double pos = positive.Count(x => x), neg = positive.Length - pos;
        return pos == 0 || neg == 0 ? double.NaN : Math.Round((rankSum - pos * (pos + 1) / 2) / (pos * neg), 4);
    }
}

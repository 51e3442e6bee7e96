using System.Globalization;
using System.Text;

namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>What a run sent, what the server answered, how that compares with the truth, and how fast.</summary>
public sealed record RsdReport(
    int Sent,
    int Accepted,
    int Duplicates,
    int Rejected,
    int Unanswered,
    int AcceptedOnRetryAsDuplicate,
    int StatusMismatches,
    int OutcomeMismatches,
    int TransportErrors,
    double OfferedPerSecond,
    double AnsweredPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyList<string> MismatchExamples)
{
    public static RsdReport From(IReadOnlyList<RsdDelivery> all, TimeSpan producedFor, TimeSpan total, int transportErrors)
    {
        var answered = all.Where(d => d.Ack is not null).ToList();
        var latencies = answered.Select(d => d.LatencyMs).Order().ToArray();
        var statusMismatches = 0;
        var outcomeMismatches = 0;
        var retriedDuplicates = 0;
        var examples = new List<string>();
        foreach (var d in answered)
        {
            var (truth, ack) = (d.Record.Truth, d.Ack!);
            // A batch sent again after a lost answer finds its records already stored: that is the right answer.
            if (truth.Expected == "accepted" && ack.Status == "duplicate" && d.Attempts > 1)
            {
                retriedDuplicates++;
                continue;
            }
            if (ack.Status != truth.Expected)
            {
                statusMismatches++;
                Note(examples, $"seq {truth.Seq} {truth.Kind} {truth.Cause}: expected {truth.Expected}, got {ack.Status} {ack.Error}");
            }
            else if (ack.Status == "accepted" && ack.Outcome != truth.Outcome)
            {
                outcomeMismatches++;
                Note(examples, $"seq {truth.Seq} {truth.RecordNo} {truth.Kind}: expected {truth.Outcome}, judged {ack.Outcome}");
            }
        }
        var lastAnswer = total.TotalSeconds;
        return new RsdReport(
            all.Count,
            answered.Count(d => d.Ack!.Status == "accepted"),
            answered.Count(d => d.Ack!.Status == "duplicate"),
            answered.Count(d => d.Ack!.Status == "rejected"),
            all.Count - answered.Count,
            retriedDuplicates,
            statusMismatches,
            outcomeMismatches,
            transportErrors,
            all.Count / Math.Max(producedFor.TotalSeconds, 1e-3),
            answered.Count / Math.Max(lastAnswer, 1e-3),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? double.NaN : latencies[^1],
            examples);
    }

    private static void Note(List<string> examples, string text)
    {
        if (examples.Count < 10)
        {
            examples.Add(text);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString()
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"sent        {Sent} records ({OfferedPerSecond:0} /s offered)");
        s.AppendLine(c, $"answered    {Sent - Unanswered}: accepted {Accepted}, duplicate {Duplicates} (of them {AcceptedOnRetryAsDuplicate} resent after a lost answer), rejected {Rejected}; {AnsweredPerSecond:0} /s over the whole run");
        s.AppendLine(c, $"unanswered  {Unanswered}");
        s.AppendLine(c, $"vs truth    {StatusMismatches} status mismatches, {OutcomeMismatches} judgement mismatches");
        s.AppendLine(c, $"latency     made -> answered: p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms, max {MaxMs:0.0} ms");
        s.AppendLine(c, $"transport   {TransportErrors} failed sends (retried)");
        foreach (var example in MismatchExamples)
        {
            s.AppendLine(c, $"  mismatch: {example}");
        }
        return s.ToString();
    }
}

using System.Text;
using System.Text.Json;
using MobileSource.HardwareSim.RemoteSensing;

namespace MobileSource.HardwareSim.Cli;

/// <summary><c>hardware-sim rsd</c>: a remote-sensing device (or a city's worth of them) sending to the server.</summary>
public static class RsdCommand
{
    public static async Task<int> RunAsync(RsdArguments a, TextWriter output, TextWriter log, CancellationToken ct)
    {
        var fleet = RsdFleet.Create(a.Seed, a.FleetSize, a.DieselShare, a.HighEmitterShare);
        if (a.RegistryFile is not null)
        {
            await File.WriteAllTextAsync(a.RegistryFile, fleet.RegistryCsv(), new UTF8Encoding(false), ct);
            output.WriteLine($"wrote {fleet.Vehicles.Count} vehicles ({fleet.Vehicles.Count(v => v.HighEmitter)} high emitters) to {a.RegistryFile}");
            if (a.Target is null)
            {
                return 0;
            }
        }
        var target = a.Target!;
        Func<IRsdTransport> transports = a.Protocol == "tcp"
            ? () => new RsdTcpTransport(target.Host, a.TcpPort, a.ApiKey)
            : () => new RsdHttpTransport(target, a.ApiKey);
        output.WriteLine($"rsd: {a.Rate:0.#} records/s for {a.Duration.TotalSeconds:0.#} s over {a.Protocol} to "
                         + (a.Protocol == "tcp" ? $"{target.Host}:{a.TcpPort}" : target.ToString())
                         + $", {a.Connections} connections, batches up to {a.Batch}, sites {string.Join(',', a.Sites)}, run {a.RunId}");
        if (a.Warmup > TimeSpan.Zero)
        {
            var warmup = new RsdRecordFactory(fleet, a.Sites, a.RunId + "W", a.Seed ^ 0x3a3a, a.Mix, TimeProvider.System);
            var (warm, _) = await new RsdRunner(warmup, transports, new RsdRunOptions(a.Rate, a.Warmup, a.Connections, a.Batch, a.Drain), log).RunAsync(ct);
            output.WriteLine($"warm-up     {warm.Sent} records in {a.Warmup.TotalSeconds:0.#} s, {warm.Unanswered} unanswered, p99 {warm.P99Ms:0.0} ms (not counted)");
        }
        using var stats = a.Stats ? new RsdServerStats(target, a.ApiKey) : null;
        if (stats is not null)
        {
            await stats.ResetAsync(ct);
        }
        var factory = new RsdRecordFactory(fleet, a.Sites, a.RunId, a.Seed ^ 0x5eed, a.Mix, TimeProvider.System);
        var runner = new RsdRunner(factory, transports, new RsdRunOptions(a.Rate, a.Duration, a.Connections, a.Batch, a.Drain), log);
        var (report, deliveries) = await runner.RunAsync(ct);
        output.Write(report.ToString());
        var lost = false;
        if (stats is not null)
        {
            var (stored, text) = await stats.ReadAsync(ct);
            output.Write(text);
            // Every record the server answered "accepted", or answered "duplicate" after a lost answer, must be stored once.
            var expected = report.Accepted + report.AcceptedOnRetryAsDuplicate;
            lost = stored != expected;
            output.WriteLine($"stored      {(lost ? "MISMATCH" : "all")}: the server stored {stored}, the device saw {expected} stored");
        }
        if (a.TruthFile is not null)
        {
            await WriteTruthAsync(a.TruthFile, deliveries, ct);
            output.WriteLine($"truth       {a.TruthFile}");
        }
        return !lost && report.Unanswered == 0 && report.StatusMismatches == 0 && report.OutcomeMismatches == 0 ? 0 : 1;
    }

    private static async Task WriteTruthAsync(string path, IReadOnlyList<RsdDelivery> deliveries, CancellationToken ct)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var d in deliveries)
        {
            var line = new
            {
                d.Record.Truth.Seq, d.Record.Truth.Site, d.Record.Truth.RecordNo, d.Record.Truth.Plate, Fuel = d.Record.Truth.Fuel.ToString(),
                d.Record.Truth.EmissionStage, d.Record.Truth.HighEmitter, d.Record.Truth.Kind, d.Record.Truth.Cause,
                d.Record.Truth.Expected, d.Record.Truth.Outcome,
                Answer = d.Ack?.Status, AnswerOutcome = d.Ack?.Outcome, LatencyMs = d.Ack is null ? (double?)null : Math.Round(d.LatencyMs, 1),
            };
            await file.WriteLineAsync(JsonSerializer.Serialize(line, options).AsMemory(), ct);
        }
    }
}

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
        var factory = new RsdRecordFactory(fleet, a.Sites, a.RunId, a.Seed ^ 0x5eed, a.Mix, TimeProvider.System);
        Func<IRsdTransport> transports = a.Protocol == "tcp"
            ? () => new RsdTcpTransport(target.Host, a.TcpPort, a.ApiKey)
            : () => new RsdHttpTransport(target, a.ApiKey);
        output.WriteLine($"rsd: {a.Rate:0.#} records/s for {a.Duration.TotalSeconds:0.#} s over {a.Protocol} to "
                         + (a.Protocol == "tcp" ? $"{target.Host}:{a.TcpPort}" : target.ToString())
                         + $", {a.Connections} connections, sites {string.Join(',', a.Sites)}, run {a.RunId}");
        var runner = new RsdRunner(factory, transports, new RsdRunOptions(a.Rate, a.Duration, a.Connections, a.Batch, a.Drain), log);
        var (report, deliveries) = await runner.RunAsync(ct);
        output.Write(report.ToString());
        if (a.TruthFile is not null)
        {
            await WriteTruthAsync(a.TruthFile, deliveries, ct);
            output.WriteLine($"truth       {a.TruthFile}");
        }
        return report.Unanswered == 0 && report.StatusMismatches == 0 && report.OutcomeMismatches == 0 ? 0 : 1;
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

extern alias HardwareSim;
using HardwareSim::MobileSource.HardwareSim.RemoteSensing;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.Tests.Shared;

/// <summary>
/// hardware-sim's remote-sensing devices (rsd) sending to a server under test over HTTP or the TCP line protocol, as
/// `hardware-sim rsd` does, and what the server stored of their run.
/// </summary>
public static class SimulatedDevices
{
    public sealed record Run(RsdReport Report, string Log)
    {
        /// <summary>Records the devices saw stored: answered "accepted", or "duplicate" after an answer was lost.</summary>
        public int SeenStored => Report.Accepted + Report.AcceptedOnRetryAsDuplicate;

        public void AssertAnsweredAsTheTruthExpects()
        {
            Assert.True(Report.Unanswered == 0, $"{Report.Unanswered} of {Report.Sent} records were never answered\n{Log}");
            Assert.True(Report.StatusMismatches == 0 && Report.OutcomeMismatches == 0,
                $"{Report.StatusMismatches} statuses and {Report.OutcomeMismatches} judgements differ from the truth:\n"
                + string.Join('\n', Report.MismatchExamples));
        }
    }

    public static async Task<Run> RunAsync(
        ServerFactory server, string protocol, string apiKey, IReadOnlyList<string> sites, string runId, double rate, TimeSpan duration)
    {
        var port = protocol == "tcp" ? await server.DeviceLinePortAsync() : 0;
        Func<IRsdTransport> transports = protocol == "tcp"
            ? () => new RsdTcpTransport("127.0.0.1", port, apiKey)
            : () => new RsdHttpTransport(server.CreateClient(), apiKey);
        var fleet = RsdFleet.Create(seed: 7, size: 400, dieselShare: 0.6, highEmitterShare: 0.2);
        // More of every awkward kind than the default mix, so that a short run has each of them.
        var mix = new RsdMix(Invalid: 0.1, LowConfidence: 0.05, Malformed: 0.05, Replay: 0.05, DeviceLayout: 0.3);
        var factory = new RsdRecordFactory(fleet, sites, runId, seed: 11, mix, TimeProvider.System);
        var options = new RsdRunOptions(rate, duration, Connections: 4, MaxBatch: 50, DrainTimeout: TimeSpan.FromSeconds(90));
        var log = new StringWriter();
        var (report, _) = await new RsdRunner(factory, transports, options, log).RunAsync(CancellationToken.None);
        return new Run(report, log.ToString());
    }

    /// <summary>Readings of the run in the database (record numbers start with the run id).</summary>
    public static async Task<int> StoredAsync(ServerFactory server, string runId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        return await db.Readings.CountAsync(r => r.RecordNo.StartsWith(runId + "-"));
    }
}

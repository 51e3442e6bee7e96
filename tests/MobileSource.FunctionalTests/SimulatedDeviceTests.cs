using Xunit.Abstractions;

namespace MobileSource.FunctionalTests;

/// <summary>hardware-sim's remote-sensing devices against the server on the embedded default, over both protocols.</summary>
[Collection(ServerCollection.Name)]
public sealed class SimulatedDeviceTests(ServerFixture server, ITestOutputHelper output)
{
    [Theory]
    [InlineData("tcp", "HB-RS-701")]
    [InlineData("http", "HB-RS-702")]
    public async Task Every_record_is_answered_as_the_devices_truth_expects_and_each_one_seen_stored_is_stored_once(string protocol, string site)
    {
        await server.Api.RegisterSiteAsync(site);
        var runId = $"SIM{protocol.ToUpperInvariant()}";

        var run = await SimulatedDevices.RunAsync(
            server.Factory, protocol, await server.Api.IssueKeyAsync("device"), [site], runId, rate: 400, TimeSpan.FromSeconds(2));

        output.WriteLine(run.Report.ToString() + run.Log);
        run.AssertAnsweredAsTheTruthExpects();
        var report = run.Report;
        Assert.True(report.Sent >= 600, $"sent {report.Sent}");
        // The mix had replays and malformed records, and both were answered as such among the good ones.
        Assert.True(report.Duplicates > 0, "replayed records are answered as duplicates");
        Assert.True(report.Rejected > 0, "malformed records are rejected");
        Assert.Equal(run.SeenStored, await SimulatedDevices.StoredAsync(server.Factory, runId));
    }
}

using MobileSource.Contracts;
using MobileSource.Infrastructure.Enforcement;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MobileSource.IntegrationTests;

/// <summary>hardware-sim's remote-sensing devices streaming to the server on PostgreSQL + RabbitMQ while both restart.</summary>
[Collection(ServicesCollection.Name)]
public sealed class SimulatedDeviceOutageTests(Services services, ITestOutputHelper output)
{
    private static readonly TimeSpan AsyncTimeout = TimeSpan.FromSeconds(120);

    [IntegrationFact]
    public async Task Devices_streaming_while_the_database_and_then_the_broker_restart_lose_no_record_and_no_judgement()
    {
        using var server = new ServerFactory(await services.NewServerSettingsAsync());
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        string[] sites = ["HB-RS-801", "HB-RS-802"];
        foreach (var site in sites)
        {
            await api.RegisterSiteAsync(site);
        }
        var key = await api.IssueKeyAsync("device");
        var startedAt = DateTime.UtcNow;
        try
        {
            var outages = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                await services.StopDatabaseAsync();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await services.StartDatabaseAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
                await services.StopBrokerAsync();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await services.StartBrokerAsync();
            });
            var run = await SimulatedDevices.RunAsync(server, "tcp", key, sites, "OUTAGE", rate: 300, TimeSpan.FromSeconds(14));
            await outages;
            output.WriteLine(run.Report.ToString() + run.Log);

            run.AssertAnsweredAsTheTruthExpects();
            Assert.True(run.Report.MaxMs > 1000, $"the database outage held answers (max {run.Report.MaxMs:0} ms): the run overlapped it");
            Assert.Equal(run.SeenStored, await SimulatedDevices.StoredAsync(server, "OUTAGE"));

            // Every batch of judged readings reaches the over-limit rule once the broker is back.
            await Eventually.TrueAsync(async () =>
            {
                await using var scope = server.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
                var announced = await db.Outbox
                    .Where(m => m.MessageType == nameof(RemoteSensingReadingsJudged) && m.CreatedAtUtc >= startedAt)
                    .Select(m => m.MessageId).ToListAsync();
                var handled = (await db.ProcessedMessages
                    .Where(p => p.Consumer == nameof(ReadingsJudgedConsumer) && p.ProcessedAtUtc >= startedAt)
                    .Select(p => p.MessageId).ToListAsync()).ToHashSet();
                return announced.Count > 0 && announced.All(handled.Contains);
            }, AsyncTimeout, "every judged-readings message handled by the over-limit rule");
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new Exception($"{ex.Message}\n{server.LogTail(120)}", ex);
        }
        finally
        {
            await services.StartDatabaseAsync();
            await services.StartBrokerAsync();
        }
    }
}

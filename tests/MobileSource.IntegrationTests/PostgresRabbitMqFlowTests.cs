using System.Text;
using MassTransit;
using MobileSource.Contracts;
using MobileSource.Infrastructure.Messaging;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace MobileSource.IntegrationTests;

[Collection(ServicesCollection.Name)]
public sealed class PostgresRabbitMqFlowTests(Services services)
{
    // Generous: after a broker outage MassTransit reconnects with back-off, which on a loaded 2-core CI
    // machine has taken longer than 45 s. A passing run waits only as long as the flow takes.
    private static readonly TimeSpan AsyncTimeout = TimeSpan.FromSeconds(120);

    [IntegrationFact]
    public async Task The_closed_loop_runs_on_postgres_and_rabbitmq()
    {
        using var server = new ServerFactory(await services.NewServerSettingsAsync());
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);

        await EnforcementFlow.RunAsync(api, "豫F23456", AsyncTimeout);
    }

    [IntegrationFact]
    public async Task A_broker_outage_mid_flow_delays_the_listing_but_loses_nothing()
    {
        using var server = new ServerFactory(await services.NewServerSettingsAsync());
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);

        try
        {
            await EnforcementFlow.RunAsync(api, "豫F34567", AsyncTimeout, betweenReadings: async () =>
            {
                await services.StopBrokerAsync();
                // The second reading is accepted while the broker is down: it is committed with its outbox row.
                _ = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    await services.StartBrokerAsync();
                });
            });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{server.LogTail(120)}", ex);
        }
        finally
        {
            await services.StartBrokerAsync();
        }
    }

    [IntegrationFact]
    public async Task Readings_accepted_while_the_broker_is_down_survive_a_server_restart()
    {
        const string plate = "豫F45678";
        var t0 = DateTimeOffset.UtcNow.AddDays(-4);
        try
        {
            using (var first = new ServerFactory(await services.NewServerSettingsAsync()))
            {
                var api = new ApiDriver(() => first.CreateClient(), ServerFactory.AdminKey);
                await api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAA00001")));
                api.Client("device");
                await services.StopBrokerAsync();
                await api.PostReadingsAsync(Records.Diesel("RESTART-1", plate, t0, noPpm: 2100), Records.Diesel("RESTART-2", plate, t0.AddDays(1), noPpm: 2050));

                await using var scope = first.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
                // Both readings travel in the one message of their intake batch.
                Assert.True(await db.Outbox.CountAsync(m => m.DispatchedAtUtc == null && m.MessageType == nameof(RemoteSensingReadingsJudged)) >= 1,
                    "the judged readings' message waits in the outbox");
            } // the server process goes away with the messages still undelivered

            await services.StartBrokerAsync();
            using var second = new ServerFactory(await services.NewServerSettingsAsync());
            var again = new ApiDriver(() => second.CreateClient(), ServerFactory.AdminKey);
            await Eventually.TrueAsync(() => again.IsListedAsync(plate), AsyncTimeout, $"{plate} listed after the restart");
        }
        finally
        {
            await services.StartBrokerAsync();
        }
    }

    [IntegrationFact]
    public async Task A_database_outage_while_messages_wait_in_the_outbox_delays_the_listing_but_loses_nothing()
    {
        const string plate = "豫F67891";
        var t0 = DateTimeOffset.UtcNow.AddDays(-4);
        using var server = new ServerFactory(await services.NewServerSettingsAsync());
        var api = new ApiDriver(() => server.CreateClient(), ServerFactory.AdminKey);
        await api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAA00002")));
        try
        {
            // The broker is down first, so the judged readings' messages are certain to wait in the outbox;
            // then the database goes away and the broker comes back: the dispatcher cannot read the outbox and
            // backs off until the database returns, then delivers everything.
            await services.StopBrokerAsync();
            await api.PostReadingsAsync(Records.Diesel("DBDOWN-1", plate, t0, noPpm: 2100), Records.Diesel("DBDOWN-2", plate, t0.AddDays(1), noPpm: 2050));
            await services.StopDatabaseAsync();
            await services.StartBrokerAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await services.StartDatabaseAsync();

            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return await api.IsListedAsync(plate);
                }
                catch (HttpRequestException)
                {
                    return false; // pooled connections broken by the restart fail once, then are replaced
                }
            }, AsyncTimeout, $"{plate} listed after the database came back");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{server.LogTail(120)}", ex);
        }
        finally
        {
            await services.StartDatabaseAsync();
            await services.StartBrokerAsync();
        }
    }

    [IntegrationFact]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue_with_the_reason()
    {
        // Short retries: the default rides out a two-minute database restart before giving up.
        var settings = await services.NewServerSettingsAsync();
        using var server = new ServerFactory(new Dictionary<string, string>(settings)
        {
            ["Bus:RetryIntervals:0"] = "00:00:00.100",
            ["Bus:RetryIntervals:1"] = "00:00:00.500",
        });
        _ = server.CreateClient(); // starts the host and its bus
        var bus = server.Services.GetRequiredService<IBus>();
        var missing = Guid.NewGuid();

        // A violation the database has never seen: the consumer cannot find it, retries, then gives up.
        await bus.Publish(new ViolationRecorded(missing, "豫F56789", "Yellow", "RemoteSensingOverLimit", "poison", null, DateTime.UtcNow));

        var factory = new ConnectionFactory { Uri = new Uri(settings["ConnectionStrings:RabbitMq"]) };
        await using var connection = await factory.CreateConnectionAsync();
        BasicGetResult? faulted = null;
        await Eventually.TrueAsync(async () =>
        {
            // A fresh channel each time: asking for a queue MassTransit has not created yet closes the channel.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var message = await channel.BasicGetAsync(BusSetup.EnforcementQueue + "_error", autoAck: true);
                if (message is not null && Encoding.UTF8.GetString(message.Body.Span).Contains(missing.ToString()))
                {
                    faulted = message;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // the error queue does not exist yet
            }
            return faulted is not null;
        }, AsyncTimeout, "the poison message in the error queue");

        var reason = faulted!.BasicProperties.Headers!["MT-Fault-Message"];
        Assert.Contains("Sequence contains no elements", Encoding.UTF8.GetString((byte[])reason!));
    }
}

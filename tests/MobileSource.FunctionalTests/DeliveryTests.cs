using MassTransit;
using MobileSource.Contracts;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.FunctionalTests;

/// <summary>At-least-once delivery made harmless, and an outbox that a broken row cannot block.</summary>
[Collection(ServerCollection.Name)]
public sealed class DeliveryTests(ServerFixture server)
{
    [Fact]
    public async Task A_redelivered_listing_raises_one_police_alert()
    {
        const string plate = "豫F80001";
        var bus = server.Factory.Services.GetRequiredService<IBus>();
        var listed = new VehicleListed(Guid.NewGuid(), plate, "Yellow", "RemoteSensingOverLimit", "test", "HB-RS-001", DateTime.UtcNow, DateTime.UtcNow.AddDays(15));
        var messageId = Guid.NewGuid();

        await bus.Publish(listed, c => c.MessageId = messageId);
        await bus.Publish(listed, c => c.MessageId = messageId);
        await bus.Publish(listed, c => c.MessageId = Guid.NewGuid()); // a different message: a second alert

        await Eventually.TrueAsync(async () => (await EnforcementFlow.AlertsForAsync(server.Api, plate)).Count >= 2,
            TimeSpan.FromSeconds(15), "two alerts");
        Assert.Equal(2, (await EnforcementFlow.AlertsForAsync(server.Api, plate)).Count);
    }

    [Fact]
    public async Task An_outbox_row_that_cannot_be_sent_is_parked_and_the_rows_behind_it_still_go()
    {
        long brokenId;
        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
            var broken = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "RenamedSinceWritten", Body = "{}", CreatedAtUtc = DateTime.UtcNow };
            db.Outbox.Add(broken);
            await db.SaveChangesAsync();
            brokenId = broken.Id;
        }

        const string plate = "豫F80002";
        await server.Api.ImportRegistryAsync(RegistryCsv.Of(RegistryCsv.DieselTruck(plate, "LFWSRXRJ5HAA80002")));
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        await server.Api.PostReadingsAsync(Records.Diesel("PARK-1", plate, t0, noPpm: 1900), Records.Diesel("PARK-2", plate, t0.AddHours(1), noPpm: 1900));
        await Eventually.TrueAsync(() => server.Api.IsListedAsync(plate), TimeSpan.FromSeconds(15), "listed despite the broken row ahead");

        await using var check = server.Factory.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<MobileSourceDbContext>().Outbox.SingleAsync(m => m.Id == brokenId);
        Assert.NotNull(row.ParkedAtUtc);
        Assert.Null(row.DispatchedAtUtc);
        Assert.Contains("RenamedSinceWritten", row.LastError);
    }
}

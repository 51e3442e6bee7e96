using MassTransit;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Messaging;

/// <summary>
/// Runs a consumer's work and its inbox row in one transaction: a redelivered message (same MessageId)
/// is skipped, and a failure leaves nothing behind, so MassTransit's retry starts clean.
/// </summary>
public abstract class IdempotentConsumer<T>(MobileSourceDbContext db, TimeProvider clock) : IConsumer<T> where T : class
{
    protected MobileSourceDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a MessageId.");
        var consumer = GetType().Name;

        // The execution strategy repeats the whole unit (inbox check, work, commit) on a transient failure.
        var strategy = Db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            Db.ChangeTracker.Clear();
            await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
            var seen = await Db.ProcessedMessages.AnyAsync(
                p => p.Consumer == consumer && p.MessageId == messageId, context.CancellationToken);
            if (seen)
            {
                return;
            }
            Db.ProcessedMessages.Add(new ProcessedMessage
            {
                Consumer = consumer,
                MessageId = messageId,
                ProcessedAtUtc = Clock.GetUtcNow().UtcDateTime,
            });
            await HandleAsync(context.Message, messageId, context.CancellationToken);
            await Db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        });
    }

    protected abstract Task HandleAsync(T message, Guid messageId, CancellationToken ct);
}

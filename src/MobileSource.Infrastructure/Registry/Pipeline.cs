using System.Threading.Channels;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Runs a producer on the thread pool beside a consumer on the caller's flow, with a small bounded queue between
/// them: the CSV parsing then overlaps the database writing instead of waiting for it.
/// A failure on either side stops both; the producer's own exception (e.g. a <see cref="RegistryFileException"/>) surfaces as is.
/// </summary>
internal static class Pipeline
{
    public static async Task RunAsync<T>(
        Func<ChannelWriter<T>, CancellationToken, Task> produce, Func<T, CancellationToken, Task> consume, int capacity, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producing = Task.Run(async () =>
        {
            try
            {
                await produce(channel.Writer, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e); // the consumer's read then throws e itself
                throw;
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                await consume(item, ct);
            }
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await producing;
            }
            catch
            {
                // Either the very exception being rethrown below, or the producer giving up because we stopped it.
            }
            throw;
        }
        await producing;
    }
}

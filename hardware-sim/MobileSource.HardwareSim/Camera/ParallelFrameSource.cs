using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MobileSource.HardwareSim.Camera;

/// <summary>A rendered BGRA frame in a pooled buffer; give it back with <see cref="Return"/>.</summary>
public readonly record struct RenderedFrame(int Index, byte[] Bytes, int Length)
{
    public void Return() => ArrayPool<byte>.Shared.Return(Bytes);
}

/// <summary>Renders a scene's frames on several threads (one renderer each, frames dealt round-robin), yielded in order.</summary>
public static class ParallelFrameSource
{
    public static async IAsyncEnumerable<RenderedFrame> RenderInOrderAsync(SceneSpec scene,
        [EnumeratorCancellation] CancellationToken cancellationToken = default, int? workers = null)
    {
        var count = workers ?? Math.Clamp(Environment.ProcessorCount, 1, 4);
        var channels = Enumerable.Range(0, count)
            .Select(_ => Channel.CreateBounded<RenderedFrame>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, count).Select(w => Task.Run(() => RenderShareAsync(scene, w, count, channels[w].Writer, stop.Token))).ToArray();
        try
        {
            for (var frame = 0; frame < scene.FrameCount; frame++)
            {
                yield return await channels[frame % count].Reader.ReadAsync(stop.Token);
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                await Task.WhenAll(tasks);
            }
            catch (OperationCanceledException)
            {
                // Stopped early by the consumer.
            }
        }
    }

    private static async Task RenderShareAsync(SceneSpec scene, int worker, int workers, ChannelWriter<RenderedFrame> writer, CancellationToken token)
    {
        try
        {
            using var renderer = new SceneRenderer(scene);
            for (var frame = worker; frame < scene.FrameCount; frame += workers)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(renderer.FrameBytes);
                renderer.RenderFrameBgra(frame, buffer);
                await writer.WriteAsync(new RenderedFrame(frame, buffer, renderer.FrameBytes), token);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }
}

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
    /// <param name="frames">The scene frames to render, ascending (default: all of them).</param>
    public static async IAsyncEnumerable<RenderedFrame> RenderInOrderAsync(SceneSpec scene,
        [EnumeratorCancellation] CancellationToken cancellationToken = default, int? workers = null, IReadOnlyList<int>? frames = null)
    {
        frames ??= Enumerable.Range(0, scene.FrameCount).ToArray();
        var count = workers ?? Math.Clamp(Environment.ProcessorCount, 1, 4);
        var channels = Enumerable.Range(0, count)
            .Select(_ => Channel.CreateBounded<RenderedFrame>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, count).Select(w => Task.Run(() => RenderShareAsync(scene, frames, w, count, channels[w].Writer, stop.Token))).ToArray();
        try
        {
            for (var i = 0; i < frames.Count; i++)
            {
                yield return await channels[i % count].Reader.ReadAsync(stop.Token);
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

    private static async Task RenderShareAsync(SceneSpec scene, IReadOnlyList<int> frames, int worker, int workers,
        ChannelWriter<RenderedFrame> writer, CancellationToken token)
    {
        try
        {
            using var renderer = new SceneRenderer(scene);
            for (var i = worker; i < frames.Count; i += workers)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(renderer.FrameBytes);
                renderer.RenderFrameBgra(frames[i], buffer);
                await writer.WriteAsync(new RenderedFrame(frames[i], buffer, renderer.FrameBytes), token);
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

using System.Collections.Concurrent;
using MobileSource.Cameras.Captures;
using MobileSource.Cameras.Streams;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>A capture decided while another waits for its post-roll is staged at once, not behind it.</summary>
public sealed class ParallelHandOverTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Theory]
    [InlineData(4, 2)] // the second capture is already being staged when the first reaches the sink
    [InlineData(1, 1)] // one at a time: the second is staged only after the first was handed over
    public async Task Captures_decided_a_second_apart_are_staged_side_by_side(int concurrency, int stagedAtFirstHandOver)
    {
        var host = TestCameras.Host(media.NewFolder("handover"));
        host.HandOverConcurrency = concurrency;
        var sink = new StagingObserverSink(host.StagingRoot);
        // good.mp4 loops at 10 fps: frames 60 and 70 are six and seven seconds in, after a full pre-roll.
        var camera = TestCameras.Camera("handover", media.Good, c => { c.Loop = true; c.Record = true; });
        await using var runner = TestCameras.Runner(camera, host, new Analyzers(new ScriptedAnalyzer(captureAt: 60), new ScriptedAnalyzer(captureAt: 70)), sink);
        runner.Start();

        await Poll.UntilAsync(() => runner.Status.Captures == 2, TimeSpan.FromSeconds(60), () => TestCameras.Describe(runner));

        var handedOver = sink.HandedOver.ToList();
        Assert.Equal(2, handedOver.Count);
        Assert.Equal(2, handedOver.Select(h => h.Evidence.CaptureId).Distinct().Count());
        Assert.All(handedOver, h => Assert.Equal("clip", h.Evidence.Files[0].Kind));
        Assert.All(handedOver, h => Assert.NotNull(h.Evidence.DecidedAt));
        Assert.Equal(stagedAtFirstHandOver, handedOver[0].StagingFolders);
    }

    [Fact]
    public void Hand_over_concurrency_must_be_at_least_one()
    {
        var errors = new CameraHostOptions { HandOverConcurrency = 0 }.Validate().ToList();

        Assert.Contains(errors, e => e.Contains("HandOverConcurrency", StringComparison.Ordinal));
        Assert.Empty(new CameraHostOptions().Validate());
    }

    /// <summary>Keeps each capture with the number of staging folders that existed when it was handed over.</summary>
    private sealed class StagingObserverSink(string stagingRoot) : ICaptureSink
    {
        public ConcurrentQueue<(CaptureEvidence Evidence, int StagingFolders)> HandedOver { get; } = new();

        public Task AcceptAsync(CaptureEvidence evidence, CancellationToken ct)
        {
            HandedOver.Enqueue((evidence, Directory.GetDirectories(stagingRoot).Length));
            return Task.CompletedTask;
        }
    }

    /// <summary>Several scripted analyzers over the same frames, as one.</summary>
    private sealed class Analyzers(params ScriptedAnalyzer[] parts) : IStreamAnalyzer
    {
        public IReadOnlyList<SmokeCapture> Process(VideoFrame frame) => parts.SelectMany(p => p.Process(frame)).ToList();
        public IReadOnlyList<SmokeCapture> Complete() => [];
        public int VehiclesSeen => 0;
        public FrameOverlay LastOverlay => FrameOverlay.Empty;
        public void Dispose() { }
    }
}

using MobileSource.Cameras.Streams;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Tests.Streams;

public sealed class SimulatorEndToEndTests(StreamMedia media) : IClassFixture<StreamMedia>
{
    [Fact]
    public async Task A_smoky_truck_on_the_simulators_rtsp_stream_becomes_a_capture_with_evidence_at_the_sink()
    {
        // Seed 5, three vehicles: one heavy truck trailing Ringelmann 3.75 smoke (frames 18-60 of 85), two clean cars.
        await using var simulator = await SimulatorCamera.StartAsync(
            "--seed", "5", "--vehicles", "3", "--smoky-share", "1", "--width", "960", "--height", "540", "--fps", "10");
        var host = TestCameras.Host(media.NewFolder("e2e"));
        var camera = TestCameras.Camera("sim-e2e", simulator.Url, c =>
        {
            c.DetectWidth = 960;
            c.DetectHeight = 540;
            c.TravelDirection = TravelDirection.Away;
            c.Record = true;
            c.IoTimeout = TimeSpan.FromSeconds(10); // the simulator's server takes seconds to preroll a client
        });
        using var analyzers = new StreamAnalyzerFactory(Options.Create(host), NullLogger<StreamAnalyzerFactory>.Instance);
        var sink = new RecordingSink();
        await using var runner = new CameraRunner(camera, host, analyzers.Create, sink,
            new EvidenceStager(host, new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance)), NullLogger.Instance);
        runner.Start();

        await Poll.UntilAsync(() => !sink.Accepted.IsEmpty, TimeSpan.FromSeconds(120), () => $"{TestCameras.Describe(runner)}; {simulator.Describe()}");

        var (evidence, _) = sink.Accepted.First();
        Assert.Equal("Heavy", evidence.VehicleClass);
        Assert.True(evidence.RingelmannLevel > 1, $"Ringelmann {evidence.RingelmannLevel} is over the diesel limit");
        Assert.Contains(evidence.Files, f => f.Kind == "clip" && new FileInfo(f.Path).Length > 0);
        Assert.Contains(evidence.Files, f => f.Kind == "smoke" && new FileInfo(f.Path).Length > 0);
        if (evidence.Plate is not null)
        {
            Assert.Equal("豫FA173P", evidence.Plate);
        }
        Assert.Equal(0, runner.Status.AnalyzerErrors);
    }
}

using MobileSource.Cameras.Captures;
using MobileSource.Cameras.Streams;
using MobileSource.Vision.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Tests.Streams;

/// <summary>A capture staged by a run that could not record it is handed over at the next start.</summary>
public sealed class StagedCaptureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("staged-capture-").FullName;

    [Fact]
    public async Task Captures_left_in_staging_are_handed_over_and_an_unreadable_one_stays()
    {
        var host = TestCameras.Host(_root);
        var first = Stage(host, "cam-1");
        var second = Stage(host, "cam-2");
        var broken = Directory.CreateDirectory(Path.Combine(host.StagingRoot, "cam-3-broken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(broken, StagedCapture.ManifestName), "{ not json");
        var sink = new RecordingSink();

        var taken = await Supervisor(host, sink).ResubmitStagedAsync(CancellationToken.None);

        Assert.Equal(2, taken);
        var accepted = sink.Accepted.Select(a => a.Evidence).OrderBy(e => e.CameraId).ToList();
        Assert.Equal([first.CaptureId, second.CaptureId], accepted.Select(e => e.CaptureId));
        Assert.Equal(1.75, accepted[0].RingelmannLevel);
        Assert.Equal("豫F12345", accepted[0].Plate);
        Assert.All(accepted[0].Files, f => Assert.True(File.Exists(f.Path), f.Path));
        Assert.True(File.Exists(Path.Combine(broken, StagedCapture.ManifestName)), "an unreadable manifest is left for an operator");
    }

    [Fact]
    public void Removing_a_stored_capture_deletes_its_manifest_and_empty_folder()
    {
        var evidence = Stage(TestCameras.Host(_root), "cam-1");
        var folder = Path.GetDirectoryName(evidence.Files[0].Path)!;
        File.Delete(evidence.Files[0].Path); // the recorder deletes the files it moved into the store

        StagedCapture.Remove(evidence);

        Assert.False(Directory.Exists(folder));
    }

    private static CaptureEvidence Stage(CameraHostOptions host, string camera)
    {
        var id = Guid.NewGuid();
        var folder = Directory.CreateDirectory(Path.Combine(host.StagingRoot, $"{camera}-{id:N}")).FullName;
        var still = Path.Combine(folder, "vehicle.jpg");
        File.WriteAllBytes(still, [0xFF, 0xD8, 0xFF, 0xD9]);
        var evidence = new CaptureEvidence
        {
            CaptureId = id,
            CameraId = camera,
            Site = "G107",
            Lane = "1",
            TravelDirection = nameof(TravelDirection.Away),
            CapturedAt = DateTimeOffset.UtcNow,
            VehicleClass = nameof(VehicleClass.Heavy),
            SmokeScore = 0.9,
            RingelmannLevel = 1.75,
            Plate = "豫F12345",
            PlateConfidence = 0.95,
            PlateColour = "Yellow",
            PlateSource = "vision",
            Files = [new EvidenceFile("vehicle", still, "image/jpeg")],
        };
        StagedCapture.Save(folder, evidence);
        return evidence;
    }

    private static CameraSupervisor Supervisor(CameraHostOptions host, ICaptureSink sink)
    {
        var options = Options.Create(host);
        var registry = new CameraRegistry(Options.Create(new List<CameraOptions>()), options,
            _ => throw new InvalidOperationException("no camera in this test"), sink,
            new EvidenceStager(host, new ClipCutter(TimeProvider.System, NullLogger<ClipCutter>.Instance)), NullLoggerFactory.Instance, TimeProvider.System);
        return new CameraSupervisor(registry, new ConfiguredCamerasOnly(), Options.Create(new List<CameraOptions>()), options, sink, NullLogger<CameraSupervisor>.Instance);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

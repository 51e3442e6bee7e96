using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MobileSource.Cameras.Captures;
using Microsoft.Extensions.DependencyInjection;

namespace MobileSource.FunctionalTests.Captures;

/// <summary>Hands captures to the server's sink as a camera stream does, and reviews them as an operator.</summary>
public sealed class CaptureDriver(ServerFixture server)
{
    public ApiDriver Api => server.Api;
    public HttpClient Operator => server.Api.Client("operator");

    /// <summary>Copies the sample media into a fresh staging folder, as the stream side leaves them.</summary>
    public CaptureEvidence Stage(
        string? plate, double ringelmann = 2.5, double? plateConfidence = 0.8, string cameraId = "CAM-QB-01",
        DateTimeOffset? capturedAt = null, string plateColour = "yellow")
    {
        var staging = Directory.CreateTempSubdirectory("mobilesource-staging-").FullName;
        var files = new List<EvidenceFile>
        {
            new(EvidenceKinds.Clip, Copy(SampleMedia.Clip, staging), "video/mp4"),
            new(EvidenceKinds.Vehicle, Copy(SampleMedia.Still("vehicle"), staging), "image/jpeg"),
            new(EvidenceKinds.Smoke, Copy(SampleMedia.Still("smoke"), staging), "image/jpeg"),
        };
        if (plate is not null)
        {
            files.Add(new(EvidenceKinds.Plate, Copy(SampleMedia.Still("plate"), staging), "image/jpeg"));
        }
        return new CaptureEvidence
        {
            CaptureId = Guid.NewGuid(),
            CameraId = cameraId,
            Site = "淇滨大道与黎阳路口",
            Lane = "2",
            TravelDirection = "Away",
            CapturedAt = capturedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
            VehicleClass = "Heavy",
            SmokeScore = 0.93,
            RingelmannLevel = ringelmann,
            Plate = plate,
            PlateConfidence = plate is null ? null : plateConfidence,
            PlateColour = plate is null ? null : plateColour,
            PlateSource = plate is null ? null : PlateSources.Vision,
            Files = files,
        };
    }

    public async Task AcceptAsync(CaptureEvidence evidence)
    {
        var sink = server.Factory.Services.GetRequiredService<ICaptureSink>();
        await sink.AcceptAsync(evidence, CancellationToken.None);
    }

    public async Task<CaptureEvidence> RecordAsync(string? plate, double ringelmann = 2.5, double? plateConfidence = 0.8,
        string cameraId = "CAM-QB-01", DateTimeOffset? capturedAt = null)
    {
        var evidence = Stage(plate, ringelmann, plateConfidence, cameraId, capturedAt);
        await AcceptAsync(evidence);
        return evidence;
    }

    public async Task<JsonElement> GetAsync(Guid id)
    {
        var response = await Operator.GetAsync($"/api/captures/{id}");
        await ApiDriver.EnsureAsync(response, HttpStatusCode.OK);
        using var body = await ApiDriver.ReadJsonAsync(response);
        return body.RootElement.Clone();
    }

    public Task<HttpResponseMessage> ConfirmAsync(Guid id, object body, HttpClient? client = null) =>
        (client ?? Operator).PostAsJsonAsync($"/api/captures/{id}/confirm", body);

    public Task<HttpResponseMessage> RejectAsync(Guid id, object body, HttpClient? client = null) =>
        (client ?? Operator).PostAsJsonAsync($"/api/captures/{id}/reject", body);

    public EvidenceStore Store => server.Factory.Services.GetRequiredService<EvidenceStore>();

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string path) => Sha256(File.ReadAllBytes(path));

    private static string Copy(string source, string folder)
    {
        var target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }
}

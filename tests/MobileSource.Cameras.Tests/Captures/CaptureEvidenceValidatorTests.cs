using MobileSource.Cameras.Captures;

namespace MobileSource.Cameras.Tests.Captures;

public sealed class CaptureEvidenceValidatorTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();

    [Fact]
    public void A_complete_capture_is_valid() => Assert.Empty(CaptureEvidenceValidator.Validate(_bed.Stage()));

    [Fact]
    public void A_capture_without_a_plate_is_valid() => Assert.Empty(CaptureEvidenceValidator.Validate(_bed.Stage(plate: null)));

    [Fact]
    public void A_capture_whose_clip_could_not_be_cut_is_still_valid()
    {
        var evidence = _bed.Stage();
        Assert.Empty(CaptureEvidenceValidator.Validate(evidence with { Files = evidence.Files.Where(f => f.Kind != EvidenceKinds.Clip).ToList() }));
    }

    public static TheoryData<string, Func<CaptureEvidence, CaptureEvidence>> Broken => new()
    {
        { "RingelmannLevel", e => e with { RingelmannLevel = 5.5 } },
        { "RingelmannLevel", e => e with { RingelmannLevel = double.NaN } },
        { "SmokeScore", e => e with { SmokeScore = -0.1 } },
        { "Plate", e => e with { Plate = "豫F1234" } },
        { "Plate", e => e with { Plate = null } },
        { "PlateConfidence", e => e with { PlateConfidence = 1.5 } },
        { "PlateColour", e => e with { PlateColour = "purple" } },
        { "PlateSource", e => e with { PlateSource = "guess" } },
        { "CameraId", e => e with { CameraId = " " } },
        { "TravelDirection", e => e with { TravelDirection = "Sideways" } },
        { "VehicleClass", e => e with { VehicleClass = "Tank" } },
        { "CapturedAt", e => e with { CapturedAt = default } },
        { "Files", e => e with { Files = e.Files.Where(f => f.Kind != EvidenceKinds.Smoke).ToList() } },
        { "Files", e => e with { Files = [.. e.Files, e.Files[1]] } },
        { "Files[0].Kind", e => e with { Files = [e.Files[0] with { Kind = "audio" }, .. e.Files.Skip(1)] } },
        { "Files[0].Path", e => e with { Files = [e.Files[0] with { Path = "/nonexistent/clip.mp4" }, .. e.Files.Skip(1)] } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_names_its_field(string field, Func<CaptureEvidence, CaptureEvidence> breakIt)
    {
        var errors = CaptureEvidenceValidator.Validate(breakIt(_bed.Stage()));
        Assert.Contains(errors, e => e.Field == field);
    }

    public void Dispose() => _bed.Dispose();
}

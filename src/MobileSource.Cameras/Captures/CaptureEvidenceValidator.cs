using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Vision.Analysis;

namespace MobileSource.Cameras.Captures;

/// <summary>Checks a capture from the stream side before anything is stored; every error names its field.</summary>
public static class CaptureEvidenceValidator
{
    public const int MaxIdLength = 64;

    public static IReadOnlyList<FieldError> Validate(CaptureEvidence e)
    {
        var errors = new List<FieldError>();
        if (e.CaptureId == Guid.Empty)
        {
            errors.Add(new(nameof(e.CaptureId), "must not be empty"));
        }
        Text(errors, nameof(e.CameraId), e.CameraId, MaxIdLength);
        Text(errors, nameof(e.Site), e.Site, 256);
        Text(errors, nameof(e.Lane), e.Lane, 32);
        if (!Enum.TryParse<TravelDirection>(e.TravelDirection, ignoreCase: true, out _))
        {
            errors.Add(new(nameof(e.TravelDirection), $"'{e.TravelDirection}' is not one of {string.Join(", ", Enum.GetNames<TravelDirection>())}"));
        }
        if (!Enum.TryParse<VehicleClass>(e.VehicleClass, ignoreCase: true, out _))
        {
            errors.Add(new(nameof(e.VehicleClass), $"'{e.VehicleClass}' is not one of {string.Join(", ", Enum.GetNames<VehicleClass>())}"));
        }
        if (e.CapturedAt == default)
        {
            errors.Add(new(nameof(e.CapturedAt), "must be set"));
        }
        if (!double.IsFinite(e.SmokeScore) || e.SmokeScore is < 0 or > 1)
        {
            errors.Add(new(nameof(e.SmokeScore), $"must be 0-1, got {e.SmokeScore}"));
        }
        if (!double.IsFinite(e.RingelmannLevel) || e.RingelmannLevel is < 0 or > 5)
        {
            errors.Add(new(nameof(e.RingelmannLevel), $"must be 0-5, got {e.RingelmannLevel}"));
        }
        ValidatePlate(e, errors);
        ValidateFiles(e, errors);
        return errors;
    }

    private static void ValidatePlate(CaptureEvidence e, List<FieldError> errors)
    {
        if (e.Plate is null)
        {
            if (e.PlateConfidence is not null || e.PlateSource is not null)
            {
                errors.Add(new(nameof(e.Plate), "is missing although PlateConfidence or PlateSource is given"));
            }
            return;
        }
        if (!PlateNumber.TryParse(e.Plate, out _, out var error))
        {
            errors.Add(new(nameof(e.Plate), $"'{e.Plate}' is not a valid plate: {error}"));
        }
        if (e.PlateConfidence is not { } confidence || !double.IsFinite(confidence) || confidence is < 0 or > 1)
        {
            errors.Add(new(nameof(e.PlateConfidence), $"must be 0-1 when a plate is given, got {e.PlateConfidence?.ToString() ?? "none"}"));
        }
        if (e.PlateColour is not null && !PlateColourCodes.TryParse(e.PlateColour, out _))
        {
            errors.Add(new(nameof(e.PlateColour), $"'{e.PlateColour}' is not a plate colour"));
        }
        if (e.PlateSource is not null and not (PlateSources.Vision or PlateSources.Anpr))
        {
            errors.Add(new(nameof(e.PlateSource), $"must be '{PlateSources.Vision}' or '{PlateSources.Anpr}', got '{e.PlateSource}'"));
        }
    }

    private static void ValidateFiles(CaptureEvidence e, List<FieldError> errors)
    {
        if (e.Files is null)
        {
            errors.Add(new(nameof(e.Files), "must be given"));
            return;
        }
        for (var i = 0; i < e.Files.Count; i++)
        {
            var f = e.Files[i];
            var field = $"{nameof(e.Files)}[{i}]";
            if (!EvidenceKinds.All.Contains(f.Kind))
            {
                errors.Add(new($"{field}.Kind", $"'{f.Kind}' is not one of {string.Join(", ", EvidenceKinds.All)}"));
            }
            if (string.IsNullOrWhiteSpace(f.ContentType) || f.ContentType.Length > 64)
            {
                errors.Add(new($"{field}.ContentType", "must be a MIME type"));
            }
            if (string.IsNullOrWhiteSpace(f.Path) || !File.Exists(f.Path))
            {
                errors.Add(new($"{field}.Path", $"staged file '{f.Path}' does not exist"));
            }
            else if (new FileInfo(f.Path).Length == 0)
            {
                errors.Add(new($"{field}.Path", $"staged file '{f.Path}' is empty"));
            }
        }
        foreach (var kind in EvidenceKinds.Required.Where(k => e.Files.All(f => f.Kind != k)))
        {
            errors.Add(new(nameof(e.Files), $"the {kind} file is required"));
        }
        foreach (var twice in e.Files.Where(f => f.Kind != EvidenceKinds.AnprPicture).GroupBy(f => f.Kind).Where(g => g.Count() > 1))
        {
            errors.Add(new(nameof(e.Files), $"more than one {twice.Key} file"));
        }
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required"));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"is longer than {max} characters"));
        }
    }
}

using MobileSource.Infrastructure.Persistence.Entities;

namespace MobileSource.Server.Api;

public sealed record CapturePageView(int Total, int Page, int PageSize, IReadOnlyList<CaptureSummaryView> Items);

public sealed record CaptureSummaryView(
    Guid Id, string CameraId, string Site, string Lane, DateTimeOffset CapturedAt, string VehicleClass, double SmokeScore,
    double RingelmannLevel, double RingelmannLimit, bool OverLimit, string? Plate, double? PlateConfidence, string? PlateColour,
    string? PlateSource, string State, long Revision)
{
    public static string StateName(CaptureState state) => state switch
    {
        CaptureState.PendingReview => "pending",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static CaptureSummaryView From(Capture c) => new(
        c.Id, c.CameraId, c.Site, c.Lane, Utc(c.CapturedAtUtc), c.VehicleClass, c.SmokeScore, c.RingelmannLevel, c.RingelmannLimit,
        c.RingelmannLevel > c.RingelmannLimit, c.Plate is null ? null : PlateView.Display(c.Plate), c.PlateConfidence,
        c.PlateColour?.ToLowerInvariant(), c.PlateSource, StateName(c.State), c.Revision);

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>A plate read from one source, shown side by side for the reviewer.</summary>
public sealed record PlateReadView(string? Plate, double? Confidence, string? PlateColour);

public sealed record PlateCorrectionView(string? OriginalPlate, string? OriginalPlateColour, string Reason);

public sealed record ReviewView(string By, DateTimeOffset At, string? From, string? RejectReason, PlateCorrectionView? PlateCorrection);

public sealed record CaptureFileView(string Kind, string Sha256, long Size, string ContentType, string? Url, DateTimeOffset? PurgedAt);

public sealed record CaptureView(
    CaptureSummaryView Capture, string TravelDirection, PlateReadView? VisionRead, PlateReadView? AnprRead, Guid? AnprEventId,
    ReviewView? Review, IReadOnlyList<CaptureFileView> Files)
{
    public static CaptureView From(Capture c)
    {
        var counts = new Dictionary<string, int>();
        var files = new List<CaptureFileView>();
        foreach (var f in c.Files.OrderBy(f => f.Id))
        {
            var n = counts[f.Kind] = counts.GetValueOrDefault(f.Kind) + 1;
            var url = f.PurgedAtUtc is not null ? null : $"/api/captures/{c.Id}/files/{f.Kind}" + (n > 1 ? $"?n={n}" : "");
            files.Add(new CaptureFileView(f.Kind, f.Sha256, f.Size, f.ContentType, url,
                f.PurgedAtUtc is { } purged ? CaptureSummaryView.Utc(purged) : null));
        }
        return new CaptureView(
            CaptureSummaryView.From(c), c.TravelDirection,
            c.VisionPlate is null ? null : new PlateReadView(PlateView.Display(c.VisionPlate), c.VisionPlateConfidence, c.VisionPlateColour?.ToLowerInvariant()),
            c.AnprEventId is null ? null : new PlateReadView(c.AnprPlate is null ? null : PlateView.Display(c.AnprPlate), c.AnprPlateConfidence, null),
            c.AnprEventId,
            c.ReviewedBy is null || c.ReviewedAtUtc is null
                ? null
                : new ReviewView(c.ReviewedBy, CaptureSummaryView.Utc(c.ReviewedAtUtc.Value), c.ReviewedFrom, c.RejectReason,
                    c.PlateCorrectionReason is null ? null : new PlateCorrectionView(
                        c.OriginalPlate is null ? null : PlateView.Display(c.OriginalPlate), c.OriginalPlateColour?.ToLowerInvariant(), c.PlateCorrectionReason)),
            files);
    }
}

public sealed record FileVerificationView(string Kind, string Result, string ExpectedSha256, string? ActualSha256);

public sealed record CaptureVerificationView(Guid CaptureId, bool Intact, IReadOnlyList<FileVerificationView> Files);

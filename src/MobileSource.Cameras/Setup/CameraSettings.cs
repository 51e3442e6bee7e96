using MobileSource.Cameras.Streams;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;

namespace MobileSource.Cameras.Setup;

/// <summary>
/// A camera as the cameras page sends it. On an edit, a field left out keeps its value, and a source sent back as it was
/// shown (credentials hidden) keeps the stored address with its credentials.
/// </summary>
public sealed record CameraSettings(
    string? Id, string? Source, string? Site, string? Lane, string? TravelDirection,
    int? DetectWidth, int? DetectHeight, double? DetectFps, bool? Enabled, bool? Record, int? IoTimeoutSeconds, int? Version);

/// <summary>A stored camera as shown for editing: the source without credentials.</summary>
public sealed record CameraSettingsView(
    string Id, string Source, bool FileSource, string Site, string Lane, string TravelDirection,
    int DetectWidth, int DetectHeight, double DetectFps, bool Enabled, bool Record, bool Loop, int IoTimeoutSeconds,
    int Version, DateTime UpdatedAt, string UpdatedBy)
{
    public static CameraSettingsView From(StoredCamera c) => new(
        c.Id, SourceAddress.Redact(c.Source), SourceAddress.TryParse(c.Source, out var source, out _) && !source!.IsLive, c.Site, c.Lane,
        c.TravelDirection, c.DetectWidth, c.DetectHeight, c.DetectFps, c.Enabled, c.Record, c.Loop, c.IoTimeoutSeconds, c.Version,
        DateTime.SpecifyKind(c.UpdatedAtUtc, DateTimeKind.Utc), c.UpdatedBy);
}

/// <summary>Between the stored row and the options a camera runs with.</summary>
public static class StoredCameraMapping
{
    public static CameraOptions ToOptions(this StoredCamera c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Site = c.Site,
        Lane = c.Lane,
        TravelDirection = Enum.TryParse<TravelDirection>(c.TravelDirection, out var direction) ? direction : TravelDirection.Away,
        DetectWidth = c.DetectWidth,
        DetectHeight = c.DetectHeight,
        DetectFps = c.DetectFps,
        Enabled = c.Enabled,
        Record = c.Record,
        Loop = c.Loop,
        StallTimeout = TimeSpan.FromSeconds(c.StallTimeoutSeconds),
        FreezeFrames = c.FreezeFrames,
        IoTimeout = TimeSpan.FromSeconds(c.IoTimeoutSeconds),
        MaxAttempts = c.MaxAttempts,
        InitialBackoff = TimeSpan.FromSeconds(c.InitialBackoffSeconds),
        MaxBackoff = TimeSpan.FromSeconds(c.MaxBackoffSeconds),
    };

    /// <summary>Copies every setting of <paramref name="o"/> into the row (times to whole seconds, at least one).</summary>
    public static void CopyFrom(this StoredCamera c, CameraOptions o)
    {
        c.Id = o.Id;
        c.Source = o.Source.Trim();
        c.Site = o.Site;
        c.Lane = o.Lane;
        c.TravelDirection = o.TravelDirection.ToString();
        c.DetectWidth = o.DetectWidth;
        c.DetectHeight = o.DetectHeight;
        c.DetectFps = o.DetectFps;
        c.Enabled = o.Enabled;
        c.Record = o.Record;
        c.Loop = o.Loop;
        c.StallTimeoutSeconds = Seconds(o.StallTimeout);
        c.FreezeFrames = o.FreezeFrames;
        c.IoTimeoutSeconds = Seconds(o.IoTimeout);
        c.MaxAttempts = o.MaxAttempts;
        c.InitialBackoffSeconds = Seconds(o.InitialBackoff);
        c.MaxBackoffSeconds = Seconds(o.MaxBackoff);
    }

    private static int Seconds(TimeSpan t) => (int)Math.Clamp(Math.Ceiling(t.TotalSeconds), 1, int.MaxValue);
}

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>
/// A camera as the operators set it up on the cameras page. Configuration (<c>Cameras:*</c>) adds cameras the first
/// time the server sees them; from then on this row is what the camera runs with.
/// </summary>
public sealed class StoredCamera
{
    public string Id { get; set; } = "";
    /// <summary>With any credentials: never logged or shown, only handed to ffmpeg.</summary>
    public string Source { get; set; } = "";
    public string Site { get; set; } = "";
    public string Lane { get; set; } = "";
    public string TravelDirection { get; set; } = "";
    public int DetectWidth { get; set; }
    public int DetectHeight { get; set; }
    public double DetectFps { get; set; }
    public bool Enabled { get; set; }
    public bool Record { get; set; }
    public bool Loop { get; set; }
    public int StallTimeoutSeconds { get; set; }
    public int FreezeFrames { get; set; }
    public int IoTimeoutSeconds { get; set; }
    public int MaxAttempts { get; set; }
    public int InitialBackoffSeconds { get; set; }
    public int MaxBackoffSeconds { get; set; }
    /// <summary>Bumped by every change: an edit made from an older copy is refused rather than silently undone.</summary>
    public int Version { get; set; }
    /// <summary>Removed on the cameras page; kept so that configuration does not bring it back at the next start.</summary>
    public DateTime? RemovedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}

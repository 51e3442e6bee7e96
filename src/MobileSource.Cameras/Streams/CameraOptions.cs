using MobileSource.Vision.Analysis;

namespace MobileSource.Cameras.Streams;

/// <summary>One camera as configured (section <c>Cameras</c>, a list).</summary>
public sealed class CameraOptions
{
    public string Id { get; set; } = "";
    /// <summary>A file path, rtsp(s)://… or http(s)://…; credentials in the URL are never logged.</summary>
    public string Source { get; set; } = "";
    public string Site { get; set; } = "";
    public string Lane { get; set; } = "";
    public TravelDirection TravelDirection { get; set; } = TravelDirection.Away;
    public int DetectWidth { get; set; } = 1280;
    public int DetectHeight { get; set; } = 720;
    public double DetectFps { get; set; } = 10;
    public bool Enabled { get; set; } = true;
    /// <summary>No frame for this long: the stream is restarted.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The same image this many frames in a row: the camera is frozen and restarted (50 = 5 s at 10 fps).</summary>
    public int FreezeFrames { get; set; } = 50;
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Consecutive attempts without a frame before the camera is Failed; 0 keeps trying.</summary>
    public int MaxAttempts { get; set; }
    /// <summary>Replay a file endlessly at its own rate, as if it were a live camera.</summary>
    public bool Loop { get; set; }
    /// <summary>Record the original stream into segments for evidence clips.</summary>
    public bool Record { get; set; } = true;
    /// <summary>A network source that does not answer fails after this long.</summary>
    public TimeSpan IoTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate(int position)
    {
        var name = string.IsNullOrWhiteSpace(Id) ? $"Cameras:{position}" : $"camera '{Id}'";
        if (string.IsNullOrWhiteSpace(Id))
        {
            yield return $"{name}: Id is required";
        }
        else if (!Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return $"{name}: Id may contain only letters, digits, '-' and '_' (it names folders)";
        }
        if (!Vision.Video.SourceAddress.TryParse(Source, out _, out var sourceError))
        {
            yield return $"{name}: Source {sourceError}";
        }
        if (DetectWidth is < 16 or > 7680 || DetectWidth % 2 != 0)
        {
            yield return $"{name}: DetectWidth {DetectWidth} must be an even number between 16 and 7680";
        }
        if (DetectHeight is < 16 or > 4320 || DetectHeight % 2 != 0)
        {
            yield return $"{name}: DetectHeight {DetectHeight} must be an even number between 16 and 4320";
        }
        if (DetectFps is <= 0 or > 60)
        {
            yield return $"{name}: DetectFps {DetectFps} must be above 0 and at most 60";
        }
        if (StallTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{name}: StallTimeout {StallTimeout} must be at least 1 second";
        }
        if (FreezeFrames < 2)
        {
            yield return $"{name}: FreezeFrames {FreezeFrames} must be at least 2";
        }
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            yield return $"{name}: InitialBackoff must be positive and MaxBackoff at least InitialBackoff";
        }
        if (MaxAttempts < 0)
        {
            yield return $"{name}: MaxAttempts {MaxAttempts} must be 0 (keep trying) or more";
        }
        if (IoTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{name}: IoTimeout {IoTimeout} must be at least 1 second";
        }
    }
}

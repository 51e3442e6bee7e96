namespace MobileSource.Cameras.Streams;

public enum CameraState
{
    Starting,
    Live,
    Reconnecting,
    Failed,
    Stopped,
}

/// <summary>One camera's health as the API shows it.</summary>
public sealed record CameraStatus(
    string Id,
    string Source,
    string Site,
    string Lane,
    CameraState State,
    string? Reason,
    double Fps,
    long FramesReceived,
    long DroppedFrames,
    int Restarts,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastFrameAt,
    int VehiclesSeen,
    long Captures,
    long AnalyzerErrors);

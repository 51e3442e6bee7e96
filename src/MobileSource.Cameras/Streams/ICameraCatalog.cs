namespace MobileSource.Cameras.Streams;

/// <summary>Where the cameras to run come from, read once at start before any camera starts.</summary>
public interface ICameraCatalog
{
    /// <summary>Makes the registry hold the cameras to run, given the configured ones.</summary>
    Task LoadAsync(IReadOnlyList<CameraOptions> configured, CancellationToken ct);
}

/// <summary>The configured cameras as they are (the registry already holds them): for a host that stores no cameras.</summary>
public sealed class ConfiguredCamerasOnly : ICameraCatalog
{
    public Task LoadAsync(IReadOnlyList<CameraOptions> configured, CancellationToken ct) => Task.CompletedTask;
}

namespace MobileSource.Cameras.Streams;

/// <summary>Checks the camera list at start; every problem names the camera and the field.</summary>
public static class CameraConfiguration
{
    public static void Validate(IReadOnlyList<CameraOptions> cameras, CameraHostOptions host)
    {
        var errors = new List<string>(host.Validate());
        for (var i = 0; i < cameras.Count; i++)
        {
            errors.AddRange(cameras[i].Validate(i));
        }
        errors.AddRange(cameras.Where(c => !string.IsNullOrWhiteSpace(c.Id))
            .GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"camera '{g.Key}': Id is used by {g.Count()} cameras"));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid camera configuration: " + string.Join("; ", errors));
        }
    }
}

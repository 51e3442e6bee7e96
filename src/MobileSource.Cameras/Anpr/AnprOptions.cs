namespace MobileSource.Cameras.Anpr;

/// <summary>Configuration section "Anpr": which configured camera an ANPR device's pushes belong to.</summary>
public sealed class AnprOptions
{
    public const string SectionName = "Anpr";

    public List<AnprCameraMapping> Cameras { get; set; } = [];

    /// <summary>Offset of the cameras' clocks when a time carries none (Dahua's "UTC" is local wall time): Beijing, +8.</summary>
    public double DeviceUtcOffsetHours { get; set; } = 8;

    public long MaxPictureBytes { get; set; } = 10 * 1024 * 1024;

    public void Validate()
    {
        for (var i = 0; i < Cameras.Count; i++)
        {
            var c = Cameras[i];
            if (string.IsNullOrWhiteSpace(c.CameraId) || string.IsNullOrWhiteSpace(c.Address))
            {
                throw new ArgumentException($"{SectionName}:Cameras:{i} needs CameraId and Address");
            }
        }
        if (DeviceUtcOffsetHours is < -14 or > 14)
        {
            throw new ArgumentException($"{SectionName}:{nameof(DeviceUtcOffsetHours)} must be -14..14, got {DeviceUtcOffsetHours}");
        }
    }

    /// <summary>The camera id for a device address and channel; a mapping without a channel matches every channel.</summary>
    public string? CameraFor(string? address, string? channel) =>
        address is null
            ? null
            : Cameras.FirstOrDefault(c => c.Address == address && c.Channel == channel)?.CameraId
              ?? Cameras.FirstOrDefault(c => c.Address == address && string.IsNullOrEmpty(c.Channel))?.CameraId;
}

public sealed class AnprCameraMapping
{
    public string CameraId { get; set; } = "";
    /// <summary>The device's IP address as it reports it (Hikvision ipAddress; Dahua: the sender's address).</summary>
    public string Address { get; set; } = "";
    public string? Channel { get; set; }
}

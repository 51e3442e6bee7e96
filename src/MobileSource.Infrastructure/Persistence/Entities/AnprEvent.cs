namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A plate read pushed by a camera's own ANPR (Hikvision ISAPI, Dahua ITC), with its pictures.</summary>
public sealed class AnprEvent
{
    public Guid Id { get; set; }
    /// <summary>The configured camera id the event was mapped to.</summary>
    public string CameraId { get; set; } = "";
    /// <summary>hikvision or dahua.</summary>
    public string Vendor { get; set; } = "";
    public string? DeviceAddress { get; set; }
    public string? Channel { get; set; }
    public DateTime EventAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    /// <summary>Normalised plate; null when the camera read none ("无车牌", "unknown").</summary>
    public string? Plate { get; set; }
    /// <summary>The plate text exactly as the camera sent it.</summary>
    public string RawPlate { get; set; } = "";
    public string? PlateColour { get; set; }
    /// <summary>0-1 (cameras send 0-100).</summary>
    public double? Confidence { get; set; }
    public string? VehicleType { get; set; }
    /// <summary>The capture this read was merged into, if any.</summary>
    public Guid? CaptureId { get; set; }
    public List<AnprPicture> Pictures { get; set; } = [];
}

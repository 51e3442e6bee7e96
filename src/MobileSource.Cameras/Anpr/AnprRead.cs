namespace MobileSource.Cameras.Anpr;

/// <summary>A plate read parsed from a camera's push, before it is mapped to a camera and stored.</summary>
public sealed record AnprRead
{
    public required string Vendor { get; init; }
    public string? DeviceAddress { get; init; }
    public string? Channel { get; init; }
    public required DateTimeOffset EventAt { get; init; }
    /// <summary>As sent, e.g. "豫F12345", "无车牌", "unknown".</summary>
    public required string RawPlate { get; init; }
    /// <summary>Normalised; null when the camera read no (valid) plate.</summary>
    public string? Plate { get; init; }
    /// <summary>PlateColour enum name; null when unknown.</summary>
    public string? PlateColour { get; init; }
    /// <summary>0-1.</summary>
    public double? Confidence { get; init; }
    public string? VehicleType { get; init; }
    /// <summary>Problems that did not stop the event from being stored (a misread plate, an unknown colour).</summary>
    public IReadOnlyList<Infrastructure.Sensing.FieldError> Warnings { get; init; } = [];
}

/// <summary>One part of a multipart push.</summary>
public sealed record AnprPart(string Name, string? FileName, string? ContentType, byte[] Body)
{
    /// <summary>How the part is named in errors: its file name, else its form name, else its position.</summary>
    public string Label => FileName ?? Name;
}

namespace MobileSource.Cameras.Captures;

/// <summary>The kinds of evidence file a capture carries.</summary>
public static class EvidenceKinds
{
    public const string Clip = "clip";
    public const string Vehicle = "vehicle";
    public const string Smoke = "smoke";
    public const string Plate = "plate";
    public const string AnprPicture = "anpr-picture";

    public static readonly IReadOnlyList<string> All = [Clip, Vehicle, Smoke, Plate, AnprPicture];

    /// <summary>The evidence chain a reviewer needs: the smoke video and the vehicle and plume stills. The plate
    /// close-up exists only when a plate was read.</summary>
    public static readonly IReadOnlyList<string> Required = [Clip, Vehicle, Smoke];
}

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

    /// <summary>
    /// What a capture cannot be reviewed without: the vehicle and the plume. The clip is expected but not required:
    /// when the camera's recording has a gap the stills still make a case, and refusing the capture would lose them.
    /// The plate close-up exists only when a plate was read.
    /// </summary>
    public static readonly IReadOnlyList<string> Required = [Vehicle, Smoke];
}

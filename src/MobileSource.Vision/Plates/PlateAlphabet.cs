namespace MobileSource.Vision.Plates;

/// <summary>
/// The characters a plate can hold, by position, for constrained decoding: look-alike Chinese characters (or
/// punctuation) that a general OCR model prefers can never be emitted.
/// </summary>
public static class PlateAlphabet
{
    public const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
    public const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const string Digits = "0123456789";
    public const string Specials = "学警挂港澳领使";

    /// <summary>Printed on plates or read by the model between characters; decoded, then dropped.</summary>
    public const string Separators = "·•.-・";

    public static readonly string All = Provinces + Letters + Digits + Specials;

    /// <summary>The characters allowed at <paramref name="position"/> (0-based) of a plate.</summary>
    public static string AllowedAt(int position) => position switch
    {
        0 => Provinces,
        1 => Letters,
        _ => Letters + Digits + Specials,
    };
}

using SkiaSharp;

namespace MobileSource.HardwareSim.Rendering;

/// <summary>The fonts the simulator draws with, loaded once from the Debian font packages.</summary>
public static class SimFonts
{
    public const string CjkBoldPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    public const string CondensedBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf";

    // Index 2 of the Noto CJK collection is Simplified Chinese (fc-list :file=... index).
    private const int CjkSimplifiedChineseIndex = 2;

    private static readonly Lazy<SKTypeface> LazyCjk = new(() => Load(CjkBoldPath, CjkSimplifiedChineseIndex, "fonts-noto-cjk"));
    private static readonly Lazy<SKTypeface> LazyCondensed = new(() => Load(CondensedBoldPath, 0, "fonts-dejavu-core"));

    /// <summary>Noto Sans CJK SC Bold: province characters and 新能源-style Chinese text.</summary>
    public static SKTypeface CjkBold => LazyCjk.Value;

    /// <summary>DejaVu Sans Condensed Bold: plate letters and digits.</summary>
    public static SKTypeface CondensedBold => LazyCondensed.Value;

    private static SKTypeface Load(string path, int index, string debianPackage)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"font {path} is missing: install the Debian package {debianPackage}", path);
        }
        return SKTypeface.FromFile(path, index)
            ?? throw new InvalidOperationException($"font {path} (index {index}) could not be loaded by Skia");
    }
}

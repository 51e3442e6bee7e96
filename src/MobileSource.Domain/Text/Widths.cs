using System.Text;

namespace MobileSource.Domain.Text;

/// <summary>Folding of the full-width forms that Chinese input methods, OCR and devices produce.</summary>
internal static class Widths
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

    /// <summary>Maps full-width ASCII forms (ＡＢ１２（）．) to ASCII and the ideographic space to a space.</summary>
    public static char ToHalfWidth(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthOffset),
        IdeographicSpace => ' ',
        _ => c,
    };

    /// <summary>Half-width, without any whitespace, ASCII letters upper-cased.</summary>
    public static string Fold(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var original in raw)
        {
            var c = ToHalfWidth(original);
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            sb.Append(c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c);
        }
        return sb.ToString();
    }
}

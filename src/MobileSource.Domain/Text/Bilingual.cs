namespace MobileSource.Domain.Text;

/// <summary>
/// Messages a person reads next to a form field or in a console come in English and 简体中文. The reader's language is
/// set per request by the server (the consoles say which they show); devices, logs and background work get English.
/// </summary>
public static class Bilingual
{
    private static readonly AsyncLocal<bool> ReaderIsChinese = new();

    public static bool Chinese => ReaderIsChinese.Value;

    /// <summary>The message in the reader's language.</summary>
    public static string Text(string english, string chinese) => ReaderIsChinese.Value ? chinese : english;

    /// <summary>Sets the reader's language for the rest of the current flow (a request and what it awaits).</summary>
    public static void UseChinese(bool chinese) => ReaderIsChinese.Value = chinese;
}

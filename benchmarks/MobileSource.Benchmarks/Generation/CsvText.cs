namespace MobileSource.Benchmarks.Generation;

internal static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>The value as an RFC 4180 field: quoted (with doubled quotes) only when it must be.</summary>
    public static string Field(string? value) =>
        value is null ? "" : value.IndexOfAny(NeedsQuotes) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}

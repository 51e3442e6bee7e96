namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Remembers how raw cell texts parsed, keyed by the text itself, so that a million rows with a dozen distinct
/// colours, fuels or stage spellings parse each spelling once and allocate no string for the look-up.
/// Bounded: past <see cref="Capacity"/> distinct texts it just parses.
/// </summary>
internal sealed class ParsedValueCache<T>(Func<string, T> parse)
{
    public const int Capacity = 4096;

    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Lookup => _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public T Get(ReadOnlySpan<char> raw)
    {
        if (Lookup.TryGetValue(raw, out var value))
        {
            return value;
        }
        var text = raw.ToString();
        value = parse(text);
        if (_values.Count < Capacity)
        {
            _values[text] = value;
        }
        return value;
    }
}

using System.Globalization;

namespace MobileSource.Benchmarks;

/// <summary>"--name value" pairs and bare "--flag"s.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public static CommandOptions Parse(IEnumerable<string> args)
    {
        var line = new CommandOptions();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                line._values[name] = null;
            }
            else if (name is not null)
            {
                line._values[name] = arg;
                name = null;
            }
        }
        return line;
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Number(string name, int fallback) =>
        _values.GetValueOrDefault(name) is { } text ? int.Parse(text.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}

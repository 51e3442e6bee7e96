using System.Globalization;

namespace MobileSource.HardwareSim.Cli;

/// <summary>A command's <c>--name value</c> pairs, checked against the options it knows; typed reads name the option on error.</summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <exception cref="UsageException">An option is unknown, has no value or is given twice.</exception>
    public static OptionValues Parse(IReadOnlyList<string> args, IReadOnlySet<string> known)
    {
        var parsed = new OptionValues();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"option {name} needs a value");
            }
            if (!parsed._values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"option {name} is given twice");
            }
        }
        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"option {name} must be a whole number, got '{text}'");
        }
        if (value < min || value > max)
        {
            throw new UsageException($"option {name} must be {min}..{max}, got {value}");
        }
        return value;
    }

    public double Double(string name, double fallback, double min, double max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw new UsageException($"option {name} must be a number, got '{text}'");
        }
        if (value < min || value > max)
        {
            throw new UsageException($"option {name} must be {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}, got {text}");
        }
        return value;
    }
}

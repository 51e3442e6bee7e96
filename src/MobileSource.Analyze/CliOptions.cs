using System.Globalization;
using MobileSource.Vision.Analysis;

namespace MobileSource.Analyze;

/// <summary>--name value pairs and --flags after the command.</summary>
internal sealed class CliOptions
{
    private static readonly HashSet<string> Flags = ["--json", "--no-plates", "--truth-boxes", "--motion-blobs"];
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];

    public static CliOptions Parse(IEnumerable<string> args)
    {
        var o = new CliOptions();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{name}'");
            if (Flags.Contains(name)) { o._flags.Add(name); continue; }
            if (!e.MoveNext()) throw new UsageException($"{name} needs a value");
            o._values[name] = e.Current;
        }
        return o;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public CliOptions With(string name, string value)
    {
        var o = new CliOptions();
        foreach (var (k, v) in _values) o._values[k] = v;
        o._flags.UnionWith(_flags);
        o._values[name] = value;
        return o;
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public double Number(string name, double fallback, double min, double max)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v >= min && v <= max))
            throw new UsageException($"{name} must be a number from {min} to {max}, got '{text}'");
        return v;
    }

    public (int First, int Last) Range(string name, (int, int) fallback)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        var parts = text.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && a >= 0 && b >= a)
            return (a, b);
        throw new UsageException($"{name} must be a range like 1000-1059, got '{text}'");
    }

    public TravelDirection Direction()
    {
        var text = Text("--direction") ?? "away";
        return text switch
        {
            "away" => TravelDirection.Away,
            "toward" => TravelDirection.Toward,
            "left-to-right" => TravelDirection.LeftToRight,
            "right-to-left" => TravelDirection.RightToLeft,
            _ => throw new UsageException($"--direction must be away, toward, left-to-right or right-to-left, got '{text}'"),
        };
    }
}

namespace MobileSource.VehicleDetectorTrainer;

internal static class Options
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            values[args[i]] = args[++i];
        }
        return values;
    }
}

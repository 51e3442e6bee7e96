using MobileSource.HardwareSim.RemoteSensing;

namespace MobileSource.HardwareSim.Cli;

/// <summary>The parsed options of <c>hardware-sim rsd</c>.</summary>
public sealed record RsdArguments
{
    public const string Usage = """
        usage: hardware-sim rsd --target <server url> [--rate <records/s>] [--duration <s>] [--protocol http|tcp] [options]
               hardware-sim rsd --registry <file.csv> [--seed <n>] [--fleet <n>]
          --target <url>         the server: http://127.0.0.1:5080; tcp connects to its host on --tcp-port (default 5081)
          --protocol http|tcp    http: JSON batches to POST /api/remote-sensing/readings (default);
                                 tcp: the line protocol (AUTH <key>, then a JSON record a line, a JSON answer a line)
          --rate <n>             records a second, made on schedule whatever the server does (default 100)
          --duration <s>         how long to send (default 10)
          --key <api key>        a device key (default: $RSD_API_KEY, else demo-admin-key)
          --connections <n>      parallel connections, as many devices (default 16); --batch <n> records at most per request (default 100)
          --sites <a,b,..>       site numbers (dwbh) the records come from (default HB-RS-001,HB-RS-002,HB-RS-003,HB-RS-004)
          --seed <n> --fleet <n> the fleet: the same seed and size give the same vehicles (default 1, 5000)
          --diesel-share <0..1> --high-emitters <0..1>          default 0.6 and 0.08
          --invalid --low-confidence --malformed --replay <0..1> shares of the record mix (default 0.08 0.03 0.01 0.005)
          --device-layout <0..1> share of records in the C# device software's JSON (TESTNO, MN, ...; default 0)
          --truth <file>         write one JSON line per record: what was meant and what the server answered
          --registry <file>      write the fleet as a registry CSV (for POST /api/registry/import) and exit
          --drain <s>            after sending, how long to wait for answers (default 60)
          --warmup <s>           send at the same rate this long first, not counted (JIT, caches, pools; default 0)
          --stats                reset the server's intake statistics after the warm-up and print them at the end
                                 (needs an operator or admin key): server-side latency and records stored
          --run-id <text>        prefix of the record numbers (default: the start time, so runs never collide)
        Exit code 0 when every record was answered as the truth expects, 1 otherwise, 2 for a usage mistake.
        """;

    public Uri? Target { get; init; }
    public string Protocol { get; init; } = "http";
    public int TcpPort { get; init; } = 5081;
    public double Rate { get; init; }
    public TimeSpan Duration { get; init; }
    public string ApiKey { get; init; } = "";
    public int Connections { get; init; }
    public int Batch { get; init; }
    public IReadOnlyList<string> Sites { get; init; } = [];
    public int Seed { get; init; }
    public int FleetSize { get; init; }
    public double DieselShare { get; init; }
    public double HighEmitterShare { get; init; }
    public RsdMix Mix { get; init; } = new();
    public string? TruthFile { get; init; }
    public string? RegistryFile { get; init; }
    public TimeSpan Drain { get; init; }
    public string RunId { get; init; } = "";
    public TimeSpan Warmup { get; init; }
    public bool Stats { get; init; }

    private static readonly HashSet<string> Known =
    [
        "--target", "--protocol", "--tcp-port", "--rate", "--duration", "--key", "--connections", "--batch", "--sites", "--seed", "--fleet",
        "--diesel-share", "--high-emitters", "--invalid", "--low-confidence", "--malformed", "--replay", "--device-layout", "--truth", "--registry", "--drain", "--run-id",
        "--warmup", "--stats",
    ];

    /// <exception cref="UsageException">An option is unknown, missing, repeated or has a bad value; the message names it.</exception>
    public static RsdArguments Parse(IReadOnlyList<string> args, string? keyFromEnvironment, DateTimeOffset now)
    {
        var stats = args.Contains("--stats");
        var values = OptionValues.Parse(args.Where(a => a != "--stats").ToList(), Known);
        if (!values.Has("--target") && !values.Has("--registry"))
        {
            throw new UsageException("option --target is required (or --registry to write the fleet)");
        }
        var protocol = values.String("--protocol", "http");
        if (protocol is not ("http" or "tcp"))
        {
            throw new UsageException($"option --protocol must be http or tcp, got '{protocol}'");
        }
        Uri? target = null;
        if (values.TryGet("--target", out var text)
            && (!Uri.TryCreate(text, UriKind.Absolute, out target) || target.Scheme is not ("http" or "https" or "tcp") || target.Host.Length == 0))
        {
            throw new UsageException($"option --target must be an http(s):// or tcp:// address, got '{text}'");
        }
        if (target?.Scheme == "tcp" && protocol != "tcp")
        {
            throw new UsageException("a tcp:// --target needs --protocol tcp");
        }
        if (stats && target?.Scheme is not ("http" or "https"))
        {
            throw new UsageException("--stats needs the server's http(s):// address as --target");
        }
        var sites = values.String("--sites", "HB-RS-001,HB-RS-002,HB-RS-003,HB-RS-004")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sites.Length == 0 || sites.Any(s => s.Length > 64))
        {
            throw new UsageException("option --sites must list site numbers of at most 64 characters, separated by commas");
        }
        var mix = new RsdMix(
            values.Double("--invalid", 0.08, 0, 1),
            values.Double("--low-confidence", 0.03, 0, 1),
            values.Double("--malformed", 0.01, 0, 1),
            values.Double("--replay", 0.005, 0, 1),
            values.Double("--device-layout", 0, 0, 1));
        if (mix.Invalid + mix.LowConfidence + mix.Malformed + mix.Replay > 1)
        {
            throw new UsageException("the shares --invalid, --low-confidence, --malformed and --replay add up to more than 1");
        }
        var runId = values.String("--run-id", $"S{now:yyMMddHHmmss}");
        if (runId.Length is 0 or > 40)
        {
            throw new UsageException("option --run-id must be 1..40 characters");
        }
        return new RsdArguments
        {
            Target = target,
            Protocol = protocol,
            TcpPort = target?.Scheme == "tcp" ? target.Port : values.Int("--tcp-port", 5081, 1, 65535),
            Rate = values.Double("--rate", 100, 0.1, 1_000_000),
            Duration = TimeSpan.FromSeconds(values.Double("--duration", 10, 0.1, 86_400)),
            ApiKey = values.String("--key", keyFromEnvironment is { Length: > 0 } k ? k : "demo-admin-key"),
            Connections = values.Int("--connections", 16, 1, 256),
            Batch = values.Int("--batch", 100, 1, 5000),
            Sites = sites,
            Seed = values.Int("--seed", 1, int.MinValue, int.MaxValue),
            FleetSize = values.Int("--fleet", 5000, 1, 10_000_000),
            DieselShare = values.Double("--diesel-share", 0.6, 0, 1),
            HighEmitterShare = values.Double("--high-emitters", 0.08, 0, 1),
            Mix = mix,
            TruthFile = values.String("--truth"),
            RegistryFile = values.String("--registry"),
            Drain = TimeSpan.FromSeconds(values.Double("--drain", 60, 0, 86_400)),
            RunId = runId,
            Warmup = TimeSpan.FromSeconds(values.Double("--warmup", 0, 0, 3600)),
            Stats = stats,
        };
    }
}

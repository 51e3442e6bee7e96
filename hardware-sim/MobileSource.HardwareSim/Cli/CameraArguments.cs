using System.Globalization;
using MobileSource.HardwareSim.Camera;

namespace MobileSource.HardwareSim.Cli;

/// <summary>The parsed options of <c>hardware-sim camera</c>.</summary>
public sealed record CameraArguments
{
    public const string Usage = """
        usage: hardware-sim camera --seed <n> --out <dir> [options]
               hardware-sim camera --seed <n> --rtsp <port> [--path camera] [options]
          --seed <n>             scene seed (required); the same seed gives the same video and truth
          --out <dir>            write <dir>/video.mp4 and <dir>/truth.json
          --rtsp <port>          serve the scene live and looping at rtsp://127.0.0.1:<port>/<path>
                                 (0: any free port; the URL printed on stdout names it)
          --path <name>          RTSP mount path (default camera)
          --vehicles <n>         vehicles in the scene (default 12; the scene length follows)
          --width <px> --height <px> --fps <n>   default 1280 x 720 at 25
          --lighting day|dusk|overcast           default: from the seed
          --shadows on|off                       default: from the seed
          --smoky-share <0..1>   share of heavy vehicles emitting black smoke (default 0.4)
        """;

    public required int Seed { get; init; }
    public string? OutDirectory { get; init; }
    public int? RtspPort { get; init; }
    public string RtspPath { get; init; } = "camera";
    public required SceneOptions Scene { get; init; }

    /// <exception cref="UsageException">An option is unknown, missing, repeated or has a bad value; the message names it.</exception>
    public static CameraArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!Known.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"option {name} needs a value");
            }
            if (!values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"option {name} is given twice");
            }
        }
        if (!values.ContainsKey("--seed"))
        {
            throw new UsageException("option --seed is required");
        }
        if (values.ContainsKey("--out") == values.ContainsKey("--rtsp"))
        {
            throw new UsageException("give exactly one of --out <dir> or --rtsp <port>");
        }
        if (values.ContainsKey("--path") && !values.ContainsKey("--rtsp"))
        {
            throw new UsageException("option --path only applies with --rtsp");
        }
        var defaults = new SceneOptions();
        var scene = new SceneOptions
        {
            Vehicles = Int(values, "--vehicles", defaults.Vehicles, 1, 2000),
            Width = Int(values, "--width", defaults.Width, 320, 3840),
            Height = Int(values, "--height", defaults.Height, 240, 2160),
            Fps = Int(values, "--fps", defaults.Fps, 5, 60),
            Lighting = values.TryGetValue("--lighting", out var lighting) ? ParseLighting(lighting) : null,
            Shadows = values.TryGetValue("--shadows", out var shadows) ? ParseOnOff(shadows) : null,
            SmokyShare = Double(values, "--smoky-share", defaults.SmokyShare, 0, 1),
        };
        if (scene.Width % 2 != 0 || scene.Height % 2 != 0)
        {
            throw new UsageException($"option --{(scene.Width % 2 != 0 ? "width" : "height")} must be even (yuv420p), got {(scene.Width % 2 != 0 ? scene.Width : scene.Height)}");
        }
        var path = values.GetValueOrDefault("--path", "camera");
        if (path.Trim('/').Length == 0 || path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')))
        {
            throw new UsageException($"option --path must be letters, digits, '-', '_' or '/', got '{path}'");
        }
        return new CameraArguments
        {
            Seed = Int(values, "--seed", 0, int.MinValue, int.MaxValue),
            OutDirectory = values.GetValueOrDefault("--out"),
            RtspPort = values.ContainsKey("--rtsp") ? Int(values, "--rtsp", 0, 0, 65535) : null,
            RtspPath = path.Trim('/'),
            Scene = scene,
        };
    }

    private static readonly HashSet<string> Known =
    [
        "--seed", "--out", "--rtsp", "--path", "--vehicles", "--width", "--height", "--fps", "--lighting", "--shadows", "--smoky-share",
    ];

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
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

    private static double Double(Dictionary<string, string> values, string name, double fallback, double min, double max)
    {
        if (!values.TryGetValue(name, out var text))
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

    private static SceneLighting ParseLighting(string text) => text switch
    {
        "day" => SceneLighting.Day,
        "dusk" => SceneLighting.Dusk,
        "overcast" => SceneLighting.Overcast,
        _ => throw new UsageException($"option --lighting must be day, dusk or overcast, got '{text}'"),
    };

    private static bool ParseOnOff(string text) => text switch
    {
        "on" => true,
        "off" => false,
        _ => throw new UsageException($"option --shadows must be on or off, got '{text}'"),
    };
}

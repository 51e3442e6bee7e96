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
        var values = OptionValues.Parse(args, Known);
        if (!values.Has("--seed"))
        {
            throw new UsageException("option --seed is required");
        }
        if (values.Has("--out") == values.Has("--rtsp"))
        {
            throw new UsageException("give exactly one of --out <dir> or --rtsp <port>");
        }
        if (values.Has("--path") && !values.Has("--rtsp"))
        {
            throw new UsageException("option --path only applies with --rtsp");
        }
        var defaults = new SceneOptions();
        var scene = new SceneOptions
        {
            Vehicles = values.Int("--vehicles", defaults.Vehicles, 1, 2000),
            Width = values.Int("--width", defaults.Width, 320, 3840),
            Height = values.Int("--height", defaults.Height, 240, 2160),
            Fps = values.Int("--fps", defaults.Fps, 5, 60),
            Lighting = values.TryGet("--lighting", out var lighting) ? ParseLighting(lighting) : null,
            Shadows = values.TryGet("--shadows", out var shadows) ? ParseOnOff(shadows) : null,
            SmokyShare = values.Double("--smoky-share", defaults.SmokyShare, 0, 1),
        };
        if (scene.Width % 2 != 0 || scene.Height % 2 != 0)
        {
            throw new UsageException($"option --{(scene.Width % 2 != 0 ? "width" : "height")} must be even (yuv420p), got {(scene.Width % 2 != 0 ? scene.Width : scene.Height)}");
        }
        var path = values.String("--path", "camera");
        if (path.Trim('/').Length == 0 || path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')))
        {
            throw new UsageException($"option --path must be letters, digits, '-', '_' or '/', got '{path}'");
        }
        return new CameraArguments
        {
            Seed = values.Int("--seed", 0, int.MinValue, int.MaxValue),
            OutDirectory = values.String("--out"),
            RtspPort = values.Has("--rtsp") ? values.Int("--rtsp", 0, 0, 65535) : null,
            RtspPath = path.Trim('/'),
            Scene = scene,
        };
    }

    private static readonly HashSet<string> Known =
    [
        "--seed", "--out", "--rtsp", "--path", "--vehicles", "--width", "--height", "--fps", "--lighting", "--shadows", "--smoky-share",
    ];

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

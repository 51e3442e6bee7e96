namespace MobileSource.Analyze;

internal static class Cli
{
    public const string Usage = """
        usage:
          analyze <video-or-image> [--json] [--detect-fps 10] [--direction away|toward|left-to-right|right-to-left]
                  [--model models/smoke-model.zip] [--no-plates] [--glyph-model models/province-glyph.onnx|none] [--glyph-weight 2]
          analyze train-smoke [--out models/smoke-model.zip] [--metrics models/smoke-metrics.json] [--seeds 1000-1059]
                  [--vehicles 14] [--work <dir>]
          analyze render-scenes [--seeds 5000-5023] [--vehicles 14] [--size 1280x720] [--work data/vision-scenes] [--parallel 1]
          analyze evaluate [--seeds 5000-5023] [--vehicles 14] [--size 1280x720] [--smoky-share 0.4] [--detect-width 1280]
                  [--model <zip>] [--no-plates] [--track-threshold 0.8] [--home-weight 1000] [--home-city-weight 20] [--glyph-model <file>|none] [--glyph-weight 2]
                  [--work <dir>] [--report <file.json>]
                  [--truth-boxes]   (vehicles boxed from the truth: what perfect detection would give)
          every command that analyses video: [--vehicle-model models/vehicle-detector.onnx] or --motion-blobs (find
                  vehicles by motion alone, without the learned detector)
          analyze detector-data --out <file> [--seeds 7000-7087] [--vehicles 14] [--size 1280x720] [--smoky-share 0.4] [--every 10]
          analyze smoke-patches --out <file> [the train-smoke scene options]   (regions for the smoke patch network)
          analyze plate-glyphs --out <file> [--every 2] [the train-smoke scene options]   (province glyphs for the province glyph classifier)
          analyze diagnose [--seeds 1000-1009] [--vehicles 12] [--smoky-share 0.4] [--model <zip>]   (training seeds only)
        """;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help") throw new UsageException("nothing to analyze");
        if (args[0] == "debug-overlay")
        {
            if (args.Length < 2) throw new UsageException("debug-overlay needs a video");
            return DebugCommand.RunAsync(args[1], CliOptions.Parse(args.Skip(2)));
        }
        var options = CliOptions.Parse(args.Skip(1));
        return args[0] switch
        {
            "train-smoke" => TrainSmokeCommand.RunAsync(options),
            "evaluate" => EvaluateCommand.RunAsync(options),
            "render-scenes" => RenderCommand.RunAsync(options),
            "diagnose" => DiagnoseCommand.RunAsync(options),
            "detector-data" => DetectorDataCommand.RunAsync(options),
            "smoke-patches" => SmokePatchesCommand.RunAsync(options),
            "plate-glyphs" => PlateGlyphsCommand.RunAsync(options),
            _ => AnalyzeCommand.RunAsync(args[0], options),
        };
    }
}

internal sealed class UsageException(string message) : Exception(message);

using BenchmarkDotNet.Running;
using MobileSource.Benchmarks;

// dotnet run -c Release --project benchmarks/MobileSource.Benchmarks -- <command> [options]
var command = args.FirstOrDefault() ?? "help";
var options = CommandOptions.Parse(args.Skip(1));
switch (command)
{
    case "registry-import":
        return await RegistryImportCommand.RunAsync(options);
    case "generate-registry":
        return GenerateRegistryCommand.Run(options);
    case "plate-ocr":
        return PlateOcrCommand.Run(options);
    case "plate-scene":
        return PlateSceneCommand.Run(options);
    case "vision-fps":
        return await VisionFpsCommand.RunAsync(options);
    case "csv-reader":
        BenchmarkRunner.Run<CsvReaderBenchmarks>(CsvReaderBenchmarks.Config, args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("""
            Commands:
              registry-import --rows 1000000 --provider sqlite|postgresql [--connection CS] [--seed 1] [--keep]
                  generates a registry CSV, imports it into a fresh database, re-imports it (all unchanged),
                  then imports a variant with every 10th owner changed; prints rows/s, times, peak memory, machine.
                  sqlite: a temp file unless --connection; postgresql: a throwaway database created next to
                  --connection (default: $MOBILESOURCE_TEST_POSTGRES), dropped afterwards unless --keep.
              generate-registry --rows 200 --seed 7 --out seeds/demo-registry.csv
              plate-ocr [--count 240] [--seed 20261129] [--threads 1] [--channel-order rgb|bgr] [--no-pad] [--home 豫 --home-weight 50 (1: no prior)] [--warmup 20]
                  plate recognition per crop, colour locating and locate+read per vehicle region (ms, one thread),
                  exact-match rate on the Vision tests' generated plate set; prints the machine.
              plate-scene --scene DIR [--step 3] [--home-weight 50 (1: no prior)]
                  plate reads on a hardware-sim camera scene (DIR/video.mp4 + truth.json), per frame and per vehicle.
              vision-fps --video DIR/video.mp4 [--frames 120] [--passes 3] [--plates] [--motion-blobs] [--model smoke-model.zip]
                  StreamAnalyzer frames/s on one thread at 1280x720 (frames decoded first), ffmpeg decode CPU per
                  frame, and how many 10-fps cameras the cores sustain; prints the machine.
              csv-reader [BenchmarkDotNet options, e.g. --filter *]
                  BenchmarkDotNet: rows/s of the CSV reader, parse only, no database.
            """);
        return command == "help" ? 0 : 1;
}

using MobileSource.HardwareSim.Cli;

const string usage = """
    usage: hardware-sim camera --seed <n> (--out <dir> | --rtsp <port>) [options]   (hardware-sim camera --help)
           hardware-sim rsd --target <server url> [--rate <n>] [--duration <s>] [--protocol http|tcp]   (hardware-sim rsd --help)
    """;
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}
switch (args[0])
{
    case "camera":
        if (args.Length > 1 && args[1] is "-h" or "--help")
        {
            Console.WriteLine(CameraArguments.Usage);
            return 0;
        }
        CameraArguments parsed;
        try
        {
            parsed = CameraArguments.Parse(args[1..]);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"hardware-sim camera: {e.Message}");
            Console.Error.WriteLine(CameraArguments.Usage);
            return 2;
        }
        try
        {
            return await CameraCommand.RunAsync(parsed, Console.Out, Console.Error);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"hardware-sim camera: {e.Message}");
            return 1;
        }
    case "rsd":
        if (args.Length > 1 && args[1] is "-h" or "--help")
        {
            Console.WriteLine(RsdArguments.Usage);
            return 0;
        }
        RsdArguments rsd;
        try
        {
            rsd = RsdArguments.Parse(args[1..], Environment.GetEnvironmentVariable("RSD_API_KEY"), DateTimeOffset.Now);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"hardware-sim rsd: {e.Message}");
            Console.Error.WriteLine(RsdArguments.Usage);
            return 2;
        }
        using (var stop = new CancellationTokenSource())
        {
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            try
            {
                return await RsdCommand.RunAsync(rsd, Console.Out, Console.Error, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Console.Error.WriteLine("hardware-sim rsd: interrupted");
                return 1;
            }
        }
    default:
        Console.Error.WriteLine($"hardware-sim: unknown command '{args[0]}'");
        Console.Error.WriteLine(usage);
        return 2;
}

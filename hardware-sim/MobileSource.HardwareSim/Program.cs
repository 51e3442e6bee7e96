using MobileSource.HardwareSim.Cli;

const string usage = "usage: hardware-sim camera --seed <n> (--out <dir> | --rtsp <port>) [options]   (hardware-sim camera --help)";
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
    default:
        Console.Error.WriteLine($"hardware-sim: unknown command '{args[0]}'");
        Console.Error.WriteLine(usage);
        return 2;
}

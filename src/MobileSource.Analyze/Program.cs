using MobileSource.Analyze;
using MobileSource.Vision.Video;

try
{
    return await Cli.RunAsync(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"analyze: {e.Message}");
    Console.Error.WriteLine(Cli.Usage);
    return 2;
}
catch (FrameSourceException e)
{
    Console.Error.WriteLine($"analyze: {e.Message}");
    return 1;
}
catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or ArgumentException)
{
    Console.Error.WriteLine($"analyze: {e.Message}");
    return 1;
}

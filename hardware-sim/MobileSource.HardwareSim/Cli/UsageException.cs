namespace MobileSource.HardwareSim.Cli;

/// <summary>A command line mistake; the message names the option and is shown with the usage text.</summary>
public sealed class UsageException(string message) : Exception(message);

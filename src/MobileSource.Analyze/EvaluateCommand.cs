namespace MobileSource.Analyze;

internal static class EvaluateCommand
{
    public static Task<int> RunAsync(CliOptions options) => throw new UsageException("evaluate: not built yet");
}

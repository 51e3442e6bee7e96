namespace MobileSource.Analyze;

internal static class TrainSmokeCommand
{
    public static Task<int> RunAsync(CliOptions options) => throw new UsageException("train-smoke: not built yet");
}

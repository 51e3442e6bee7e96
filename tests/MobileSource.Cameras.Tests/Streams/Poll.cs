namespace MobileSource.Cameras.Tests.Streams;

/// <summary>Waits for a condition by polling, failing with a description of what was last seen.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {timeout.TotalSeconds} s; last seen: {describe()}");
            }
            await Task.Delay(100);
        }
    }
}

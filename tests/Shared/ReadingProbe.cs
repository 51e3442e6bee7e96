namespace MobileSource.Tests.Shared;

public static class ReadingProbe
{
    /// <summary>
    /// Waits until readings sent before now have been through the over-limit rule, without sleeping: readings are handled
    /// in the order they were stored, so once a probe vehicle sent afterwards is listed, the earlier ones were handled.
    /// </summary>
    public static async Task ReadingsSoFarHandledAsync(this ApiDriver api, string probePlate, string prefix)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await api.PostReadingsAsync(
            Records.Diesel($"{prefix}-PROBE-1", probePlate, at, noPpm: 1900, site: "HB-RS-001"),
            Records.Diesel($"{prefix}-PROBE-2", probePlate, at.AddMinutes(5), noPpm: 1900, site: "HB-RS-001"));
        await Eventually.TrueAsync(() => api.IsListedAsync(probePlate), TimeSpan.FromSeconds(15), $"probe {probePlate} listed");
    }
}

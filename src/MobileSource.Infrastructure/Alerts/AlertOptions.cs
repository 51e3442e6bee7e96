namespace MobileSource.Infrastructure.Alerts;

/// <summary>Police alert settings (<c>Alerts</c> section).</summary>
public sealed class AlertOptions
{
    /// <summary>
    /// Sightings of one listed vehicle at one place within this time of an earlier one are folded into it: a device that
    /// measures a truck three times as it queues at a light raises one alert, not three. Zero raises every sighting.
    /// </summary>
    public TimeSpan SightingFoldWindow { get; set; } = TimeSpan.FromMinutes(10);
}

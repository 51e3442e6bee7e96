namespace MobileSource.Infrastructure.Alerts;

/// <summary>Police alert settings (<c>Alerts</c> section).</summary>
public sealed class AlertOptions
{
    /// <summary>
    /// Sightings of one listed vehicle at one place within this time of an earlier one are folded into it: a device that
    /// measures a truck three times as it queues at a light raises one alert, not three. Zero raises every sighting.
    /// </summary>
    public TimeSpan SightingFoldWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// On the police live board, a further hit on a vehicle already shown within this time joins its row (a count, the
    /// latest place and time) without a new banner or tone. Zero alerts on every hit.
    /// </summary>
    public TimeSpan BoardFoldWindow { get; set; } = TimeSpan.FromMinutes(30);
}

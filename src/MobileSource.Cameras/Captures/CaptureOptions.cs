namespace MobileSource.Cameras.Captures;

/// <summary>Configuration section "Captures".</summary>
public sealed class CaptureOptions
{
    public const string SectionName = "Captures";

    /// <summary>Ringelmann level above which a confirmed capture is a violation (domain facts: level 1 for diesel).</summary>
    public double RingelmannLimit { get; set; } = 1;

    /// <summary>How far apart a smoke capture and an ANPR event of the same camera may be to be the same vehicle.</summary>
    public TimeSpan AnprMatchWindow { get; set; } = TimeSpan.FromSeconds(3);

    public CaptureRetentionOptions Retention { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (RingelmannLimit is < 0 or > 5)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RingelmannLimit)} must be 0-5, got {RingelmannLimit}");
        }
        if (AnprMatchWindow < TimeSpan.Zero || AnprMatchWindow > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"{SectionName}:{nameof(AnprMatchWindow)} must be between 0 and 5 minutes, got {AnprMatchWindow}");
        }
        Retention.Validate($"{SectionName}:{nameof(Retention)}");
    }
}

/// <summary>How long evidence files are kept, by the capture's state. Null days means "keep for ever".</summary>
public sealed class CaptureRetentionOptions
{
    public int? RejectedDays { get; set; } = 30;
    public int? ConfirmedDays { get; set; } = 1095;
    /// <summary>Captures nobody reviewed yet are never purged by default: deleting unreviewed evidence loses cases.</summary>
    public int? PendingDays { get; set; }
    public int? AnprWithoutCaptureDays { get; set; } = 7;
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate(string section)
    {
        foreach (var (name, days) in new[]
                 {
                     (nameof(RejectedDays), RejectedDays), (nameof(ConfirmedDays), ConfirmedDays),
                     (nameof(PendingDays), PendingDays), (nameof(AnprWithoutCaptureDays), AnprWithoutCaptureDays),
                 })
        {
            if (days is < 1)
            {
                throw new ArgumentException($"{section}:{name} must be at least 1 day (or empty for never), got {days}");
            }
        }
        if (SweepInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"{section}:{nameof(SweepInterval)} must be at least one second, got {SweepInterval}");
        }
    }
}

using MobileSource.Domain.Limits;

namespace MobileSource.Domain.RemoteSensing;

/// <summary>
/// Remote-sensing limits a site enforces instead of the city's defaults (a stricter zone, a pilot); null keeps the
/// default. Stored with the site, so the limit in force is the one its readings are judged by.
/// </summary>
public sealed record SiteLimits(
    double? DieselOpacityPercent = null,
    double? DieselNoPpm = null,
    double? GasolineCoPercent = null,
    double? GasolineNoPpm = null,
    double? GasolineHcPpm = null)
{
    public bool IsEmpty => this == new SiteLimits();

    /// <summary>The city's limits with this site's overrides applied; the inspection limits and over-limit rule stay.</summary>
    public EmissionLimits Apply(EmissionLimits city) => IsEmpty
        ? city
        : new EmissionLimits
        {
            Diesel = new DieselLimits
            {
                OpacityPercent = DieselOpacityPercent ?? city.Diesel.OpacityPercent,
                NoPpm = DieselNoPpm ?? city.Diesel.NoPpm,
                RingelmannLevel = city.Diesel.RingelmannLevel,
            },
            Gasoline = new GasolineLimits
            {
                CoPercent = GasolineCoPercent ?? city.Gasoline.CoPercent,
                NoPpm = GasolineNoPpm ?? city.Gasoline.NoPpm,
                HcPpm = GasolineHcPpm ?? city.Gasoline.HcPpm,
            },
            Inspection = city.Inspection,
            OverLimitRule = city.OverLimitRule,
        };
}

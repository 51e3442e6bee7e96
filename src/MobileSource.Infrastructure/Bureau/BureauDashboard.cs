using MobileSource.Domain.Blacklist;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Infrastructure.Bureau;

public sealed record DayFigures(DateOnly Day, int Readings, int OverLimit, double? OverLimitRate, int Captures, int CapturesConfirmed, int Listed, int Delisted);

public sealed record SiteFigures(string Site, int Readings, int OverLimit, double? OverLimitRate);

/// <summary>Open, overdue and closed as of now; the median over the cases delisted within the span.</summary>
public sealed record CaseFigures(int Open, int Overdue, int Closed, double? MedianDaysToDelist);

/// <summary>The plan's targets: roadside checks >= 15 % of the heavy traffic seen; the diesel fleet checked at least once.</summary>
public sealed record PlanProgress(
    int RoadsideChecks, int HeavyVehiclesSeen, double? RoadsideShare, double RoadsideTarget,
    int DieselRegistered, int DieselChecked, double? DieselCheckedShare);

/// <summary>A day's roadside checks against heavy vehicles seen; <see cref="Places"/> empty: the whole city.</summary>
public sealed record RoadsideQuota(DateOnly Day, int RoadsideChecks, int HeavyVehiclesSeen, double? Share, double Target, IReadOnlyList<string> Places);

public sealed record DashboardView(DateOnly From, DateOnly To, IReadOnlyList<DayFigures> Days, IReadOnlyList<SiteFigures> Sites, CaseFigures Cases, PlanProgress Plan);

/// <summary>
/// The bureau's figures over a span of local days: readings and over-limit rate per day and site, captures, blacklist
/// inflow and outflow, cases open, overdue and closed with the median time to delisting, and progress against the plan.
/// Readings and captures are counted in the database (a city has millions); cases are few enough to count here.
/// </summary>
public sealed class BureauDashboard(MobileSourceDbContext db, IOptions<SensingOptions> sensing)
{
    public const double RoadsideTarget = 0.15;
    private const int YellowPlate = 2; // heavy vehicles carry yellow plates

    public async Task<DashboardView> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var offset = sensing.Value.LocalTimeOffsetHours;
        var fromUtc = sensing.Value.UtcStartOf(from);
        var toUtc = sensing.Value.UtcStartOf(to.AddDays(1));

        var readings = await db.Readings.AsNoTracking()
            .Where(r => r.MeasuredAtUtc >= fromUtc && r.MeasuredAtUtc < toUtc && r.NotForEnforcementReason == null)
            .GroupBy(r => new { Day = r.MeasuredAtUtc.AddHours(offset).Date, r.SiteNo })
            .Select(g => new
            {
                g.Key.Day, g.Key.SiteNo,
                Judged = g.Count(r => r.Outcome == "Pass" || r.Outcome == "Fail"),
                Fail = g.Count(r => r.Outcome == "Fail"),
            })
            .ToListAsync(ct);
        var captures = await db.Captures.AsNoTracking()
            .Where(c => c.CapturedAtUtc >= fromUtc && c.CapturedAtUtc < toUtc)
            .GroupBy(c => c.CapturedAtUtc.AddHours(offset).Date)
            .Select(g => new { Day = g.Key, All = g.Count(), Confirmed = g.Count(c => c.State == CaptureState.Confirmed) })
            .ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.ListedAt, c.DelistedAt, c.State }).ToListAsync(ct);

        var localDay = sensing.Value.LocalDay;
        var days = new List<DayFigures>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var d = day.ToDateTime(TimeOnly.MinValue);
            var judged = readings.Where(r => r.Day == d).Sum(r => r.Judged);
            var fail = readings.Where(r => r.Day == d).Sum(r => r.Fail);
            var captured = captures.SingleOrDefault(c => c.Day == d);
            days.Add(new DayFigures(day, judged, fail, Rate(fail, judged), captured?.All ?? 0, captured?.Confirmed ?? 0,
                cases.Count(c => localDay(c.ListedAt) == day), cases.Count(c => c.DelistedAt is { } at && localDay(at) == day)));
        }
        var sites = readings.GroupBy(r => r.SiteNo)
            .Select(g => new SiteFigures(g.Key, g.Sum(r => r.Judged), g.Sum(r => r.Fail), Rate(g.Sum(r => r.Fail), g.Sum(r => r.Judged))))
            .OrderByDescending(s => s.OverLimit).ThenBy(s => s.Site)
            .ToList();
        // Cases delisted within the span: a month's report keeps its figure as later months pass.
        var delistDays = cases.Where(c => c.DelistedAt is { } at && localDay(at) >= from && localDay(at) <= to)
            .Select(c => (c.DelistedAt!.Value - c.ListedAt).TotalDays).Order().ToList();
        var caseFigures = new CaseFigures(
            cases.Count(c => c.State != CaseState.Delisted), cases.Count(c => c.State == CaseState.Overdue), cases.Count(c => c.State == CaseState.Delisted),
            delistDays.Count == 0 ? null : Math.Round(Median(delistDays), 1));
        return new DashboardView(from, to, days, sites, caseFigures, await PlanAsync(fromUtc, toUtc, ct));
    }

    /// <summary>
    /// Roadside checks against the heavy vehicles seen on one local day (the plan asks for 15 % or more). For an officer's
    /// <paramref name="places"/>: the checks recorded at those places against the heavy vehicles their sensing sites saw.
    /// </summary>
    public async Task<RoadsideQuota> RoadsideQuotaAsync(DateOnly day, IReadOnlyList<string>? places, CancellationToken ct)
    {
        var fromUtc = sensing.Value.UtcStartOf(day);
        var (checks, heavySeen) = await RoadsideFiguresAsync(fromUtc, fromUtc.AddDays(1), places, ct);
        return new RoadsideQuota(day, checks, heavySeen, Rate(checks, heavySeen), RoadsideTarget, places ?? []);
    }

    /// <summary>Checks and distinct heavy (yellow-plate) vehicles seen in a span: the whole city, or only at <paramref name="places"/>.</summary>
    private async Task<(int Checks, int HeavySeen)> RoadsideFiguresAsync(DateTime fromUtc, DateTime toUtc, IReadOnlyList<string>? places, CancellationToken ct)
    {
        var checks = db.RoadsideChecks.Where(r => r.CheckedAtUtc >= fromUtc && r.CheckedAtUtc < toUtc);
        var heavy = db.Readings.Where(r => r.MeasuredAtUtc >= fromUtc && r.MeasuredAtUtc < toUtc && r.PlateColour == YellowPlate && r.Plate != null);
        if (places is { Count: > 0 })
        {
            var siteNos = (await db.Sites.Select(s => s.SiteNo).ToListAsync(ct))
                .Where(siteNo => places.Contains(AlertPlaces.OfSensingSite(siteNo))).ToList();
            checks = checks.Where(r => places.Contains(r.Checkpoint));
            heavy = heavy.Where(r => siteNos.Contains(r.SiteNo));
        }
        return (await checks.CountAsync(ct), await heavy.Select(r => r.Plate).Distinct().CountAsync(ct));
    }

    private async Task<PlanProgress> PlanAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var (checks, heavySeen) = await RoadsideFiguresAsync(fromUtc, toUtc, places: null, ct);
        var diesel = db.Vehicles.Where(v => v.Fuel == "B");
        var dieselRegistered = await diesel.CountAsync(ct);
        var checkedPlates = db.Readings.Where(r => r.MeasuredAtUtc >= fromUtc && r.MeasuredAtUtc < toUtc && r.Outcome != "Invalid").Select(r => r.Plate)
            .Union(db.RoadsideChecks.Where(r => r.CheckedAtUtc >= fromUtc && r.CheckedAtUtc < toUtc).Select(r => (string?)r.Plate))
            .Union(db.Inspections.Where(i => i.TestedAtUtc >= fromUtc && i.TestedAtUtc < toUtc).Select(i => (string?)i.Plate));
        var dieselChecked = await diesel.Where(v => checkedPlates.Contains(v.Plate)).Select(v => v.Plate).Distinct().CountAsync(ct);
        return new PlanProgress(checks, heavySeen, Rate(checks, heavySeen), RoadsideTarget, dieselRegistered, dieselChecked, Rate(dieselChecked, dieselRegistered));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

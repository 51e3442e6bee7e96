using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

/// <summary>The bureau's screening reports over remote-sensing readings. Dates are local calendar days (Sensing:LocalTimeOffsetHours).</summary>
public static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/remote-sensing/reports").WithTags("Remote sensing").RequireAuthorization(Policies.CasesManage);
        reports.MapGet("/high-emitters", HighEmittersAsync)
            .WithSummary("Vehicles measured and high emitters (a failing valid reading) by fleet operator, emission stage or site, ?from=&to= (yyyy-MM-dd; default the last 30 days).")
            .Produces<IReadOnlyList<ScreeningRow>>();
        reports.MapGet("/fleets", FleetsAsync)
            .WithSummary("Each fleet operator's share of vehicles with a violation in ?year= (default this year); at or above Blacklist:FleetOverLimitShare the fleet is listed.")
            .Produces<IReadOnlyList<FleetRow>>();
        reports.MapGet("/clean-screen", CleanScreenAsync)
            .WithSummary("Vehicles whose valid readings of the last ?months= (default 12) all passed, at least ?minReadings= (default 3), not listed.")
            .Produces<IReadOnlyList<CleanScreenRow>>();
    }

    private static async Task<IResult> HighEmittersAsync(
        ScreeningReports reports, TimeProvider clock, IOptions<SensingOptions> sensing, string? by, string? from, string? to, CancellationToken ct)
    {
        var local = Local(sensing);
        by ??= "operator";
        if (by is not ("operator" or "stage" or "site"))
        {
            return Problems.Field("by", $"'{by}' is not a grouping: operator, stage or site");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(local).DateTime);
        if (!TryDay(from, today.AddDays(-29), out var first) || !TryDay(to, today, out var last))
        {
            return Problems.Field(TryDay(from, today, out _) ? "to" : "from", "a date is yyyy-MM-dd");
        }
        if (last < first)
        {
            return Problems.Field("to", "to is before from");
        }
        return Results.Ok(await reports.HighEmittersAsync(by, StartUtc(first, local), StartUtc(last.AddDays(1), local), ct));
    }

    private static async Task<IResult> FleetsAsync(ScreeningReports reports, TimeProvider clock, IOptions<SensingOptions> sensing, int? year, CancellationToken ct)
    {
        var local = Local(sensing);
        var y = year ?? clock.GetUtcNow().ToOffset(local).Year;
        if (y is < 2000 or > 2100)
        {
            return Problems.Field("year", "a year 2000..2100");
        }
        return Results.Ok(await reports.FleetsAsync(StartUtc(new DateOnly(y, 1, 1), local), StartUtc(new DateOnly(y + 1, 1, 1), local), ct));
    }

    private static async Task<IResult> CleanScreenAsync(ScreeningReports reports, TimeProvider clock, int? months, int? minReadings, CancellationToken ct)
    {
        var m = months ?? 12;
        var min = minReadings ?? 3;
        if (m is < 1 or > 60)
        {
            return Problems.Field("months", "1..60");
        }
        if (min is < 1 or > 1000)
        {
            return Problems.Field("minReadings", "1..1000");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return Results.Ok(await reports.CleanScreenAsync(now.AddMonths(-m), now.AddMinutes(1), min, ct));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", out day);
    }

    private static TimeSpan Local(IOptions<SensingOptions> sensing) => TimeSpan.FromHours(sensing.Value.LocalTimeOffsetHours);

    private static DateTime StartUtc(DateOnly day, TimeSpan local) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), local).UtcDateTime;
}

using MobileSource.Domain.RemoteSensing;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public static class SiteEndpoints
{
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/remote-sensing/sites").WithTags("Remote sensing");
        sites.MapPut("/{siteNo}", PutAsync)
            .RequireAuthorization(Policies.SitesManage)
            .WithSummary("Register a site (dwbh) with its sensing lines, instruments, calibration and limits in force, or replace its registration.")
            .Accepts<SiteRegistration>("application/json")
            .Produces<SiteView>()
            .Produces<SiteView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        sites.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.SitesRead)
            .WithSummary("The registered sites, each line's calibration state today.")
            .Produces<IReadOnlyList<SiteView>>();
        sites.MapGet("/{siteNo}", GetAsync)
            .RequireAuthorization(Policies.SitesRead)
            .WithSummary("One registered site.")
            .Produces<SiteView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PutAsync(string siteNo, HttpContext http, SensingSites sites, TimeProvider clock, IOptions<SensingOptions> sensing, CancellationToken ct)
    {
        var (registration, problem) = await JsonBody.ReadAsync<SiteRegistration>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (errors, created) = await sites.PutAsync(siteNo, registration!, http.Name(), http.RemoteAddress(), ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var view = SiteView.From((await sites.GetAsync(siteNo.Trim(), ct))!, Today(clock, sensing));
        return created ? Results.Created($"/api/remote-sensing/sites/{Uri.EscapeDataString(view.SiteNo)}", view) : Results.Ok(view);
    }

    private static async Task<IResult> ListAsync(SensingSites sites, TimeProvider clock, IOptions<SensingOptions> sensing, CancellationToken ct) =>
        Results.Ok((await sites.ListAsync(ct)).Select(s => SiteView.From(s, Today(clock, sensing))).ToList());

    private static async Task<IResult> GetAsync(string siteNo, SensingSites sites, TimeProvider clock, IOptions<SensingOptions> sensing, CancellationToken ct) =>
        await sites.GetAsync(siteNo, ct) is { } site
            ? Results.Ok(SiteView.From(site, Today(clock, sensing)))
            : Problems.NotFound($"site {siteNo} is not registered; its readings are kept but not used for enforcement");

    // Calibration certificates are dated in local time, the devices' (Sensing:LocalTimeOffsetHours).
    private static DateOnly Today(TimeProvider clock, IOptions<SensingOptions> sensing) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(sensing.Value.LocalTimeOffsetHours)).DateTime);
}

public sealed record SiteView(
    string SiteNo, string Name, string? Address, double? Longitude, double? Latitude, int Lanes,
    SiteLimits Limits, IReadOnlyList<LineView> Lines, DateTime RegisteredAtUtc, DateTime UpdatedAtUtc)
{
    public static SiteView From(RegisteredSite s, DateOnly today) => new(
        s.SiteNo, s.Name, s.Address, s.Longitude, s.Latitude, s.Lanes,
        new SiteLimits(s.DieselOpacityPercent, s.DieselNoPpm, s.GasolineCoPercent, s.GasolineNoPpm, s.GasolineHcPpm),
        s.Lines.OrderBy(l => l.LineNo, StringComparer.Ordinal).Select(l => LineView.From(l, today)).ToList(),
        s.RegisteredAtUtc, s.UpdatedAtUtc);
}

/// <summary><c>Calibration</c>: valid, expiring (within 30 days) or expired.</summary>
public sealed record LineView(string LineNo, string InstrumentSerial, DateOnly? CalibratedOn, DateOnly CalibrationValidUntil, string Calibration)
{
    public static LineView From(RegisteredSensingLine l, DateOnly today) => new(
        l.LineNo, l.InstrumentSerial, l.CalibratedOn, l.CalibrationValidUntil,
        today > l.CalibrationValidUntil ? "expired" : today.AddDays(30) > l.CalibrationValidUntil ? "expiring" : "valid");
}

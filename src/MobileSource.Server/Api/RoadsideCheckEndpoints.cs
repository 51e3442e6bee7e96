using MobileSource.Infrastructure.Bureau;
using MobileSource.Infrastructure.Roadside;
using MobileSource.Infrastructure.Security;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public static class RoadsideCheckEndpoints
{
    public static void MapRoadsideCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/roadside-checks", RecordAsync)
            .RequireAuthorization(Policies.RoadsideChecksWrite)
            .WithTags("Traffic police")
            .WithSummary("Record an interception: free-acceleration smoke k and/or the OBD read, judged here; penalty (6063) or release. A failed check lists the vehicle.")
            .Accepts<RoadsideCheckRequest>("application/json")
            .Produces<RoadsideCheckResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        app.MapGet("/api/roadside-checks/today", TodayAsync)
            .RequireAuthorization(Policies.RoadsideChecksWrite)
            .WithTags("Traffic police")
            .WithSummary("Today's roadside checks against the heavy vehicles seen today (the plan asks >= 15 %); for a signed-in officer with checkpoints, at those places.")
            .Produces<RoadsideQuota>();
    }

    private static async Task<IResult> TodayAsync(
        HttpContext http, BureauDashboard figures, OfficerCheckpoints checkpoints, TimeProvider clock, IOptions<SensingOptions> sensing, CancellationToken ct) =>
        Results.Ok(await figures.RoadsideQuotaAsync(
            sensing.Value.LocalDay(clock.GetUtcNow()), await http.CheckpointsAsync(checkpoints, ct), ct));

    private static async Task<IResult> RecordAsync(HttpContext http, RoadsideChecks checks, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RoadsideCheckRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (result, errors) = await checks.RecordAsync(request!, http.Name(), http.RemoteAddress(), ct);
        return result is null ? Problems.Validation(errors) : Results.Created($"/api/roadside-checks/{result.Id}", result);
    }
}

using MobileSource.Infrastructure.Stations;
using MobileSource.Server.Auth;

namespace MobileSource.Server.Api;

public static class StationEndpoints
{
    public static void MapStationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/repairs", RepairAsync)
            .RequireAuthorization(Policies.RepairsWrite)
            .WithTags("I/M stations")
            .WithSummary("A repair station reports a repair; the vehicle's open cases become repaired.")
            .Accepts<RepairRequest>("application/json")
            .Produces<RepairResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        app.MapPost("/api/inspections", InspectAsync)
            .RequireAuthorization(Policies.InspectionsWrite)
            .WithTags("I/M stations")
            .WithSummary("An inspection station reports a test; the server judges it and delists after a passing re-test.")
            .Accepts<InspectionRequest>("application/json")
            .Produces<InspectionResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
    }

    private static async Task<IResult> RepairAsync(HttpContext http, RepairService repairs, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RepairRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (result, errors) = await ConcurrentCase.GuardAsync(() => repairs.RecordAsync(request!, http.Name(), http.RemoteAddress(), ct));
        if (errors is null)
        {
            return ConcurrentCase.Conflict();
        }
        return result is null ? Problems.Validation(errors) : Results.Created($"/api/repairs/{result.RepairId}", result);
    }

    private static async Task<IResult> InspectAsync(HttpContext http, InspectionService inspections, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<InspectionRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (result, errors) = await ConcurrentCase.GuardAsync(() => inspections.RecordAsync(request!, http.Name(), http.RemoteAddress(), ct));
        if (errors is null)
        {
            return ConcurrentCase.Conflict();
        }
        return result is null ? Problems.Validation(errors) : Results.Created($"/api/inspections/{result.InspectionId}", result);
    }
}

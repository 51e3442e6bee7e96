using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;

namespace MobileSource.Server.Api;

public static class PlateReviewEndpoints
{
    public static void MapPlateReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/remote-sensing/reviews").WithTags("Remote sensing").RequireAuthorization(Policies.CasesManage);
        reviews.MapGet("/", ListAsync)
            .WithSummary("Readings whose plate waits for a person (low confidence, or a look-alike of a registered plate); failures first.")
            .Produces<PlateReviewPage>();
        reviews.MapGet("/{id:long}", GetAsync).Produces<PlateReviewView>().ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapPost("/{id:long}/confirm", ConfirmAsync)
            .WithSummary("The plate as read (empty body) or as corrected ({plate, plateColour}); the reading then counts for enforcement.")
            .Accepts<ConfirmReviewRequest>("application/json")
            .Produces<PlateReviewView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/{id:long}/reject", RejectAsync)
            .WithSummary("The plate cannot be read: the reading never counts. A reason is required.")
            .Accepts<RejectReviewRequest>("application/json")
            .Produces<PlateReviewView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(PlateReviews reviews, string? state, string? site, int? page, int? pageSize, CancellationToken ct)
    {
        var wanted = state is null ? PlateReviewStates.Pending
            : new[] { PlateReviewStates.Pending, PlateReviewStates.Confirmed, PlateReviewStates.Corrected, PlateReviewStates.Rejected }
                .FirstOrDefault(s => s.Equals(state, StringComparison.OrdinalIgnoreCase));
        if (wanted is null)
        {
            return Problems.Field("state", $"'{state}' is not a review state (pending, confirmed, corrected, rejected)");
        }
        var p = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var (rows, total) = await reviews.ListAsync(wanted, site, p, size, ct);
        return Results.Ok(new PlateReviewPage(total, p, size, rows.Select(PlateReviewView.From).ToList()));
    }

    private static async Task<IResult> GetAsync(long id, PlateReviews reviews, CancellationToken ct) =>
        await reviews.GetAsync(id, ct) is { } review ? Results.Ok(PlateReviewView.From(review)) : Problems.NotFound($"no plate review {id}");

    private static async Task<IResult> ConfirmAsync(long id, HttpContext http, PlateReviews reviews, CancellationToken ct)
    {
        ConfirmReviewRequest? request = new(null, null, null);
        if (http.Request.ContentLength is not 0 && http.Request.ContentType is not null)
        {
            (request, var problem) = await JsonBody.ReadAsync<ConfirmReviewRequest>(http.Request, ct);
            if (problem is not null)
            {
                return problem;
            }
        }
        return Answer(id, await reviews.ConfirmAsync(id, request!.Plate, request.PlateColour, request.Note, http.Name(), http.RemoteAddress(), ct));
    }

    private static async Task<IResult> RejectAsync(long id, HttpContext http, PlateReviews reviews, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RejectReviewRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        return Answer(id, await reviews.RejectAsync(id, request!.Reason, http.Name(), http.RemoteAddress(), ct));
    }

    private static IResult Answer(long id, ReviewDecision decision) => decision.Status switch
    {
        ReviewDecisionStatus.Done => Results.Ok(PlateReviewView.From(decision.Review!)),
        ReviewDecisionStatus.NotFound => Problems.NotFound($"no plate review {id}"),
        ReviewDecisionStatus.AlreadyDecided => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already decided",
            detail: $"review {id} was {decision.Review!.State.ToLowerInvariant()} by {decision.Review.DecidedBy} at {decision.Review.DecidedAtUtc:u}"),
        _ => Problems.Validation(decision.Errors),
    };
}

public sealed record ConfirmReviewRequest(string? Plate, string? PlateColour, string? Note);

public sealed record RejectReviewRequest(string? Reason);

public sealed record PlateReviewPage(int Total, int Page, int PageSize, IReadOnlyList<PlateReviewView> Items);

public sealed record PlateReviewView(
    long Id, string SiteNo, string RecordNo, DateTime MeasuredAtUtc, string? PlateRead, string? PlateColour, double? PlateConfidence,
    string Reason, IReadOnlyList<string> Candidates, string Outcome, string State, string? DecidedPlate, string? DecidedColour,
    string? DecidedBy, DateTime? DecidedAtUtc, string? Note)
{
    public static PlateReviewView From(PlateReview r) => new(
        r.Id, r.SiteNo, r.RecordNo, DateTime.SpecifyKind(r.MeasuredAtUtc, DateTimeKind.Utc), r.PlateRead,
        r.PlateColour is { } c ? ((PlateColour)c).ToString() : null, r.PlateConfidence, r.Reason,
        r.Candidates?.Split(',') ?? [], r.Outcome.ToLowerInvariant(), r.State.ToLowerInvariant(), r.DecidedPlate,
        r.DecidedColour is { } d ? ((PlateColour)d).ToString() : null, r.DecidedBy,
        r.DecidedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, r.Note);
}

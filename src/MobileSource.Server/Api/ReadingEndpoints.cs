using System.Text.Json;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;

namespace MobileSource.Server.Api;

public static class ReadingEndpoints
{
    public const int MaxBatch = 5000;

    public static void MapReadingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/remote-sensing/readings", TakeAsync)
            .RequireAuthorization(Policies.ReadingsWrite)
            .WithTags("Remote sensing")
            .WithSummary("Submit device records (national field layout); one result per record.")
            .Accepts<JsonElement[]>("application/json")
            .Produces<ReadingBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/remote-sensing/stats", (IntakeStats stats) => Results.Ok(stats.Snapshot()))
            .RequireAuthorization(Policies.SitesRead)
            .WithTags("Remote sensing")
            .WithSummary("Records taken since start or the last reset, and their latency: receipt to stored and judged, receipt to the over-limit rule.")
            .Produces<IntakeSnapshot>();
        app.MapPost("/api/remote-sensing/stats/reset", (IntakeStats stats) => { stats.Reset(); return Results.NoContent(); })
            .RequireAuthorization(Policies.SitesManage)
            .WithTags("Remote sensing")
            .WithSummary("Starts the intake statistics afresh (before a load run).");
    }

    private static async Task<IResult> TakeAsync(HttpContext http, IntakeQueue intake, TimeProvider clock, CancellationToken ct)
    {
        // Receipt is the request's arrival: reading and parsing the body count in the latency the statistics report.
        var receivedAt = clock.GetUtcNow().UtcDateTime;
        var (document, problem) = await JsonBody.ReadDocumentAsync(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var root = document!.RootElement;
            IReadOnlyList<JsonElement> records = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                return Problems.Field("$", "the body must be a JSON array of records (or one record object)");
            }
            if (records.Count > MaxBatch)
            {
                return Problems.Field("$", $"a batch holds at most {MaxBatch} records; got {records.Count}");
            }
            IReadOnlyList<IntakeResult> results;
            try
            {
                results = await intake.TakeAsync(records, http.Name(), receivedAt, ct);
            }
            catch (IntakeUnavailableException ex)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Readings store unavailable",
                    detail: $"{ex.Message}. Send the whole batch again: records stored before the failure come back as duplicates.");
            }
            return Results.Ok(new ReadingBatchResponse(
                results.Count(r => r.Status == IntakeStatus.Accepted),
                results.Count(r => r.Status == IntakeStatus.Duplicate),
                results.Count(r => r.Status == IntakeStatus.Rejected),
                results.Select(ReadingResultView.From).ToList()));
        }
    }
}

public sealed record ReadingBatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ReadingResultView> Results);

/// <summary><c>NotForEnforcement</c>: why the reading will not count against the vehicle (null when it will).</summary>
public sealed record JudgementView(string Outcome, IReadOnlyList<ExceedanceView> Exceedances, IReadOnlyList<string> InvalidReasons, bool NeedsPlateReview, string? NotForEnforcement);

public sealed record ExceedanceView(string Pollutant, double Value, double Limit);

public sealed record ReadingResultView(int Index, string? RecordNo, string Status, IReadOnlyList<FieldError> Errors, JudgementView? Judgement)
{
    public static ReadingResultView From(IntakeResult r) => new(
        r.Index,
        r.RecordNo,
        r.Status.ToString().ToLowerInvariant(),
        r.Errors,
        r.Judgement is null
            ? null
            : new JudgementView(
                r.Judgement.Outcome.ToString().ToLowerInvariant(),
                r.Judgement.Exceedances.Select(e => new ExceedanceView(e.Pollutant.ToString(), e.Value, e.Limit)).ToList(),
                r.Judgement.InvalidReasons,
                r.Judgement.NeedsPlateReview,
                r.NotForEnforcementReason));
}

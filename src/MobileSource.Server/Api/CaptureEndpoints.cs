using System.Globalization;
using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

/// <summary>Operator review of black-smoke captures: the queue, the evidence, the decision.</summary>
public static class CaptureEndpoints
{
    private const int MaxPageSize = 200;

    public static void MapCaptureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/captures").RequireAuthorization(Policies.CapturesWrite).WithTags("Captures");
        group.MapGet("/", ListAsync)
            .WithSummary("The review queue: ?state=pending|confirmed|rejected&camera=&from=&to=&page=&pageSize=, newest first.")
            .Produces<CapturePageView>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("A capture with both plate reads and its evidence files (kind, SHA-256, size, URL).")
            .Produces<CaptureView>();
        group.MapGet("/{id:guid}/files/{kind}", FileAsync)
            .WithSummary("Streams one evidence file (?n= picks among several ANPR pictures); the clip supports range requests.");
        group.MapGet("/{id:guid}/verify", VerifyAsync)
            .WithSummary("Re-hashes the evidence files and reports any that changed or went missing.")
            .Produces<CaptureVerificationView>();
        group.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .WithSummary("Confirm: { plate?, plateColour?, reason?, revision? }; a plate edit needs a reason. Hands the capture to enforcement.")
            .Accepts<ConfirmCaptureRequest>("application/json")
            .Produces<CaptureView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reject", RejectAsync)
            .WithSummary("Reject: { reason, revision? }; the reason is required.")
            .Accepts<RejectCaptureRequest>("application/json")
            .Produces<CaptureView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(
        string? state, string? camera, string? from, string? to, int? page, int? pageSize, MobileSourceDbContext db, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        CaptureState? wanted = null;
        if (state is not null)
        {
            wanted = state.Trim().ToLowerInvariant() switch
            {
                "pending" or "pendingreview" => CaptureState.PendingReview,
                "confirmed" => CaptureState.Confirmed,
                "rejected" => CaptureState.Rejected,
                _ => null,
            };
            if (wanted is null)
            {
                errors.Add(new FieldError("state", $"'{state}' is not pending, confirmed or rejected"));
            }
        }
        var fromUtc = Instant("from", from, errors);
        var toUtc = Instant("to", to, errors);
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1)
        {
            errors.Add(new FieldError("page", "must be 1 or more"));
        }
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add(new FieldError("pageSize", $"must be 1-{MaxPageSize}"));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var query = db.Captures.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        if (!string.IsNullOrWhiteSpace(camera))
        {
            query = query.Where(c => c.CameraId == camera);
        }
        if (fromUtc is { } f)
        {
            query = query.Where(c => c.CapturedAtUtc >= f);
        }
        if (toUtc is { } t)
        {
            query = query.Where(c => c.CapturedAtUtc < t);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CapturedAtUtc).ThenBy(c => c.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new CapturePageView(total, p, size, items.Select(CaptureSummaryView.From).ToList()));
    }

    private static async Task<IResult> GetAsync(Guid id, MobileSourceDbContext db, CancellationToken ct)
    {
        var capture = await db.Captures.AsNoTracking().Include(c => c.Files).SingleOrDefaultAsync(c => c.Id == id, ct);
        return capture is null ? NoCapture(id) : Results.Ok(CaptureView.From(capture));
    }

    /// <summary>One evidence file of a capture, as stored (range requests for the clip; the SHA-256 as its entity tag).</summary>
    internal static async Task<IResult> FileAsync(Guid id, string kind, int? n, MobileSourceDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var files = await db.CaptureFiles.AsNoTracking().Where(f => f.CaptureId == id && f.Kind == kind).OrderBy(f => f.Id).ToListAsync(ct);
        var index = n ?? 1;
        if (files.Count == 0 || index < 1 || index > files.Count)
        {
            return Problems.NotFound($"Capture {id} has no {kind} file{(n is null ? "" : $" number {index}")}.");
        }
        var file = files[index - 1];
        if (file.PurgedAtUtc is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Purged",
                detail: $"The {kind} file of capture {id} was deleted by retention at {file.PurgedAtUtc:u}; its SHA-256 was {file.Sha256}.");
        }
        var path = store.FullPath(file.RelativePath);
        if (!File.Exists(path))
        {
            return Problems.NotFound($"The {kind} file of capture {id} is missing from the evidence store; run verify.");
        }
        return Results.File(path, file.ContentType, fileDownloadName: null, enableRangeProcessing: true,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<IResult> VerifyAsync(Guid id, MobileSourceDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var capture = await db.Captures.AsNoTracking().Include(c => c.Files).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (capture is null)
        {
            return NoCapture(id);
        }
        var results = new List<FileVerificationView>();
        foreach (var file in capture.Files.OrderBy(f => f.Id))
        {
            if (file.PurgedAtUtc is not null)
            {
                results.Add(new FileVerificationView(file.Kind, "purged", file.Sha256, null));
                continue;
            }
            var check = await store.VerifyAsync(file.RelativePath, file.Sha256, ct);
            results.Add(new FileVerificationView(file.Kind, check.Result.ToString().ToLowerInvariant(), file.Sha256, check.ActualSha256));
        }
        return Results.Ok(new CaptureVerificationView(id, results.All(r => r.Result is "intact" or "purged"), results));
    }

    private static async Task<IResult> ConfirmAsync(Guid id, HttpContext http, CaptureReview review, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ConfirmCaptureRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await review.ConfirmAsync(id, new ConfirmDecision(request!.Plate, request.PlateColour, request.Reason, request.Revision),
            new Reviewer(http.Name(), http.RemoteAddress()), ct);
        return Answer(id, outcome);
    }

    private static async Task<IResult> RejectAsync(Guid id, HttpContext http, CaptureReview review, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RejectCaptureRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await review.RejectAsync(id, new RejectDecision(request!.Reason, request.Revision),
            new Reviewer(http.Name(), http.RemoteAddress()), ct);
        return Answer(id, outcome);
    }

    private static IResult Answer(Guid id, DecisionOutcome outcome) => outcome.Status switch
    {
        DecisionStatus.Done => Results.Ok(CaptureView.From(outcome.Capture!)),
        DecisionStatus.NotFound => NoCapture(id),
        DecisionStatus.Invalid => Problems.Validation(outcome.Errors),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The capture was already decided or changed",
            detail: outcome.Detail, extensions: new Dictionary<string, object?>
            {
                ["state"] = outcome.Capture is null ? null : CaptureSummaryView.StateName(outcome.Capture.State),
                ["revision"] = outcome.Capture?.Revision,
                ["reviewedBy"] = outcome.Capture?.ReviewedBy,
            }),
    };

    private static IResult NoCapture(Guid id) => Problems.NotFound($"No capture {id}.");

    private static DateTime? Instant(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.UtcDateTime;
        }
        errors.Add(new FieldError(field, $"'{text}' is not an ISO 8601 time"));
        return null;
    }
}

public sealed record ConfirmCaptureRequest(string? Plate, string? PlateColour, string? Reason, long? Revision);

public sealed record RejectCaptureRequest(string? Reason, long? Revision);

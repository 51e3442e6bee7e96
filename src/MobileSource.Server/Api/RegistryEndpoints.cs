using MobileSource.Infrastructure.Registry;
using MobileSource.Server.Auth;
using Microsoft.AspNetCore.Mvc;

namespace MobileSource.Server.Api;

public static class RegistryEndpoints
{
    /// <summary>A city's full registry export is a few hundred MB; the default 30 MB body limit would refuse it.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/registry/import", ImportAsync)
            .RequireAuthorization(Policies.RegistryImport)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithTags("Registry")
            .WithSummary("Import the vehicle administration's CSV export (hphm, cpys, hpzl, clsbdh, rlzl, pfbzjd, clxh, syxz, ccdjrq, syr); upsert by plate + colour.")
            .Accepts<string>("text/csv")
            .Produces<RegistryImportView>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> ImportAsync(HttpContext http, RegistryImportRunner runner, CancellationToken ct)
    {
        var type = http.Request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "CSV expected",
                detail: $"Send the registry export as text/csv (UTF-8); got '{(type.Length == 0 ? "none" : type)}'.");
        }
        var outcome = await runner.ImportAsync(http.Request.Body, http.Name(), http.RemoteAddress(), ct);
        return outcome.FileError is { } fileError
            ? Problems.Field(fileError.Field, fileError.Reason)
            : Results.Ok(RegistryImportView.From(outcome.Result!));
    }
}

public sealed record RejectedRowView(int Line, string Field, string Reason);

public sealed record RegistryImportView(int RowsRead, int Inserted, int Updated, int Unchanged, int RejectedCount, IReadOnlyList<RejectedRowView> Rejected)
{
    public static RegistryImportView From(RegistryImportResult r) => new(
        r.RowsRead, r.Inserted, r.Updated, r.Unchanged, r.RejectedCount,
        r.Rejected.Select(e => new RejectedRowView(e.Line, e.Field, e.Reason)).ToList());
}

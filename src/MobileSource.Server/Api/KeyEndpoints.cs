using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Security;
using MobileSource.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public static class KeyEndpoints
{
    public static void MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").RequireAuthorization(Policies.KeysManage).WithTags("API keys");
        group.MapPost("/", IssueAsync)
            .WithSummary("Issue an API key for a station, device or user; the key is shown only in this response.")
            .Accepts<IssueKeyRequest>("application/json")
            .Produces<IssuedApiKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithSummary("Issued keys (never the keys themselves).");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revoke a key.");
    }

    private static async Task<IResult> IssueAsync(HttpContext http, ApiKeyStore keys, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<IssueKeyRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(request!.Name) || request.Name.Length > 128)
        {
            return Problems.Field("name", "name is required (at most 128 characters): who or what uses the key");
        }
        if (string.IsNullOrWhiteSpace(request.Role) || !Roles.IsKnown(request.Role))
        {
            return Problems.Field("role", $"role must be one of {string.Join(", ", Roles.All)}");
        }
        var issued = await keys.IssueAsync(request.Name.Trim(), request.Role, http.Name(), http.RemoteAddress(), ct);
        return Results.Created($"/api/keys/{issued.Id}", issued);
    }

    private static async Task<IResult> ListAsync(MobileSourceDbContext db, CancellationToken ct) =>
        Results.Ok(await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAtUtc)
            .Select(k => new { k.Id, k.Name, k.Role, k.Prefix, createdAt = k.CreatedAtUtc, k.CreatedBy, revokedAt = k.RevokedAtUtc })
            .ToListAsync(ct));

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext http, ApiKeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, http.Name(), http.RemoteAddress(), ct)
            ? Results.NoContent()
            : Problems.NotFound($"No active key {id}.");
}

public sealed record IssueKeyRequest(string? Name, string? Role);

using System.Security.Claims;
using MobileSource.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace MobileSource.Server.Api;

public static class Caller
{
    /// <summary>The API key's name, recorded as the actor of every change the call makes.</summary>
    public static string Name(this HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public static string? RemoteAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>A signed-in officer's checkpoints; null for API keys (devices, other systems), who see every alert.</summary>
    public static async Task<IReadOnlyList<string>?> CheckpointsAsync(this HttpContext context, OfficerCheckpoints checkpoints, CancellationToken ct) =>
        context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
        && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } accountId
            ? await checkpoints.OfAccountAsync(accountId, ct)
            : null;
}

using System.Security.Claims;

namespace MobileSource.Server.Api;

public static class Caller
{
    /// <summary>The API key's name, recorded as the actor of every change the call makes.</summary>
    public static string Name(this HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public static string? RemoteAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}

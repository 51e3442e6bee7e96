using System.Security.Claims;
using System.Text.Encodings.Web;
using MobileSource.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Auth;

/// <summary>
/// Authenticates a caller by the X-Api-Key header; the key's role becomes the role claim. Devices that cannot set
/// a header (cameras pushing ANPR events) may send the key as the password of HTTP Basic authentication instead;
/// the user name is ignored.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>Whether the request carries a key at all (else it may be a signed-in person's browser).</summary>
    public static bool HasKey(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(request.Headers[Header].ToString())
        || request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFromHeader() ?? KeyFromBasicAuthorization();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var identity = await keys.FindAsync(key, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var claims = new[]
        {
            new Claim(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new Claim(ClaimTypes.Name, identity.Name),
            new Claim(ClaimTypes.Role, identity.Role),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private string? KeyFromHeader() =>
        Request.Headers.TryGetValue(Header, out var values) && !string.IsNullOrWhiteSpace(values.ToString())
            ? values.ToString().Trim()
            : null;

    private string? KeyFromBasicAuthorization()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[prefix.Length..].Trim()));
            var colon = decoded.IndexOf(':');
            var password = colon >= 0 ? decoded[(colon + 1)..] : string.Empty;
            return string.IsNullOrWhiteSpace(password) ? null : password.Trim();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid API key in the {Header} header (devices: or as the password of HTTP Basic authentication).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "Role not allowed",
            $"The API key's role '{Context.User.FindFirstValue(ClaimTypes.Role)}' may not call {Request.Method} {Request.Path}.");

    private Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}

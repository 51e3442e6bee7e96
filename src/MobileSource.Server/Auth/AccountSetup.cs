using System.Security.Claims;
using System.Threading.RateLimiting;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MobileSource.Server.Auth;

public sealed class AccountOptions
{
    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts unless an admin lifts it.</summary>
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A signed-in session ends after this long without a request.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts one address may make a minute (any user names), before 429.</summary>
    public int SignInsPerMinutePerAddress { get; set; } = 30;

    /// <summary>The first admin account of a new installation (user name and password); none when not set.</summary>
    public string? BootstrapAdminUserName { get; set; }
    public string? BootstrapAdminPassword { get; set; }
}

/// <summary>People sign in with a password (ASP.NET Core Identity, a session cookie); devices keep their API keys.</summary>
public static class AccountSetup
{
    public const string CookieName = "mobilesource.session";
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// The scheme every policy uses: a request with an API key is judged by the key, any other by the session cookie.
    /// One scheme a request, so exactly one of them answers a challenge or a refusal.
    /// </summary>
    public const string CallerScheme = "Caller";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Accounts");
        services.AddOptions<AccountOptions>().Bind(section);
        var options = section.Get<AccountOptions>() ?? new AccountOptions();

        services.AddIdentityCore<Account>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutFor;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<BilingualIdentityErrors>()
            .AddEntityFrameworkStores<MobileSourceDbContext>()
            .AddSignInManager();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<OfficerCheckpoints>();
        services.AddSingleton<SignInGuard>();
        // A session ends within a minute of its account changing (password, role, deletion): the cookie's stamp is checked.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<Account>>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                Startup.ProxySetup.ClientKey(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>The session cookie: HttpOnly and SameSite=Strict (no other site can make a signed-in browser call us).</summary>
    public static void AddSessionCookie(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var idle = configuration.GetSection("Accounts").Get<AccountOptions>()?.SessionIdle ?? new AccountOptions().SessionIdle;
        authentication.AddPolicyScheme(CallerScheme, "API key or session", o => o.ForwardDefaultSelector = context =>
            ApiKeyAuthenticationHandler.HasKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        authentication.AddCookie(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            o.LoginPath = "/";
            // An API call answers with a problem; a page goes to the sign-in page, which says what happened.
            o.Events.OnRedirectToLogin = context => AnswerAsync(context, StatusCodes.Status401Unauthorized, "Not signed in",
                $"Sign in, or send an API key in the {ApiKeyAuthenticationHandler.Header} header.");
            o.Events.OnRedirectToAccessDenied = context => AnswerAsync(context, StatusCodes.Status403Forbidden, "Role not allowed",
                $"The role '{context.HttpContext.User.FindFirstValue(ClaimTypes.Role)}' may not call {context.Request.Method} {context.Request.Path}.");
        });
    }

    private static Task AnswerAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/account"))
        {
            var page = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            context.Response.Redirect(status == StatusCodes.Status401Unauthorized ? $"/?next={page}" : $"/?denied={page}");
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context.HttpContext);
    }
}

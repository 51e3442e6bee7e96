using System.Security.Claims;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Security;
using MobileSource.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Api;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record SignedIn(string UserName, string DisplayName, string Role);

public sealed record CheckpointAssignment(IReadOnlyList<string>? Places);

/// <summary>People's sign-in (session cookie) and the admin's account management. Every attempt is audited.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/account").WithTags("Sign-in");
        session.MapPost("/sign-in", SignInAsync)
            .RequireRateLimiting(AccountSetup.SignInRateLimit)
            .WithSummary("Sign in with user name and password; sets the session cookie. 401 wrong, 423 locked after repeated failures.")
            .Accepts<SignInRequest>("application/json")
            .Produces<SignedIn>();
        session.MapPost("/sign-out", SignOutAsync).WithSummary("End the session.");
        session.MapGet("/me", MeAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .WithSummary("Who is signed in, with which role.");

        var admin = app.MapGroup("/api/accounts").RequireAuthorization(Policies.AccountsManage).WithTags("Accounts");
        admin.MapPost("/", CreateAsync)
            .WithSummary("Create a person's account with one role; the password is hashed, never stored.")
            .Accepts<NewAccount>("application/json")
            .Produces<AccountView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        admin.MapGet("/", (AccountAdministration accounts, CancellationToken ct) => accounts.ListAsync(ct)).WithSummary("Accounts, roles and lockouts.");
        admin.MapPost("/{userName}/unlock", UnlockAsync).WithSummary("Lift a lockout.");
        admin.MapGet("/places", (OfficerCheckpoints checkpoints, CancellationToken ct) => checkpoints.KnownPlacesAsync(ct))
            .WithSummary("Places an officer can be given: every sensing site, every camera, and the places alerts named in 90 days.");
        admin.MapPut("/{userName}/checkpoints", AssignCheckpointsAsync)
            .WithSummary("Sets the places a police officer covers (their live board and quota); an empty list covers the whole city. Audited.")
            .Accepts<CheckpointAssignment>("application/json")
            .Produces<IReadOnlyList<string>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, SignInManager<Account> signIn, UserManager<Account> users, AccountAdministration accounts,
        SignInGuard guard, TimeProvider clock, IOptions<AccountOptions> options, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<SignInRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new List<Infrastructure.Sensing.FieldError>();
        if (string.IsNullOrWhiteSpace(request!.UserName))
        {
            errors.Add(new("userName", Bilingual.Text("required", "必填")));
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(new("password", Bilingual.Text("required", "必填")));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var userName = request.UserName!.Trim();
        if (userName.Length > 64)
        {
            return Problems.Field("userName", "at most 64 characters");
        }
        var from = http.RemoteAddress();
        using var turn = await guard.TakeTurnAsync(userName, ct);
        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            var lockedUntil = guard.UnknownNameTried(userName, request.Password!);
            await accounts.AuditSignInAsync(userName, "account.sign-in-failed", "no such user name", from, ct);
            return lockedUntil is { } until ? Locked(until, options.Value) : Wrong();
        }
        userName = account.UserName!; // as stored: the name may have been typed in another case
        var wasLockedOut = await users.IsLockedOutAsync(account);

        var result = await signIn.PasswordSignInAsync(account, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await accounts.AuditSignInAsync(userName, "account.signed-in", "password", from, ct);
            var view = (await accounts.FindAsync(userName, ct))!;
            return Results.Ok(new SignedIn(view.UserName, view.DisplayName, view.Role));
        }
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(account) ?? clock.GetUtcNow();
            await accounts.AuditSignInAsync(userName, wasLockedOut ? "account.sign-in-refused" : "account.locked-out",
                wasLockedOut ? $"locked until {until:u}" : $"{options.Value.MaxFailedSignIns} wrong passwords in a row; locked until {until:u}", from, ct);
            return Locked(until, options.Value);
        }
        await accounts.AuditSignInAsync(userName, "account.sign-in-failed",
            $"wrong password ({await users.GetAccessFailedCountAsync(account)} of {options.Value.MaxFailedSignIns})", from, ct);
        return Wrong();
    }

    private static IResult Wrong() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Wrong user name or password.");

    private static IResult Locked(DateTimeOffset until, AccountOptions options) =>
        Results.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
            detail: $"After {options.MaxFailedSignIns} wrong passwords the account is locked until {until:u}; an administrator can unlock it sooner.",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });

    private static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> MeAsync(ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
        await accounts.FindAsync(user.FindFirstValue(ClaimTypes.Name) ?? "", ct) is { } me
            ? Results.Ok(new { me.UserName, me.DisplayName, me.Role, me.Checkpoints })
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "The account no longer exists.");

    private static async Task<IResult> AssignCheckpointsAsync(string userName, HttpContext http, OfficerCheckpoints checkpoints, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CheckpointAssignment>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (places, errors) = await checkpoints.AssignAsync(userName, request!.Places, http.Name(), http.RemoteAddress(), ct);
        return places is not null ? Results.Ok(places)
            : errors.Count > 0 ? Problems.Validation(errors)
            : Problems.NotFound(Bilingual.Text($"No account '{userName}'.", $"没有账户 {userName}。"));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AccountAdministration accounts, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<NewAccount>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (created, errors) = await accounts.CreateAsync(request!, http.Name(), http.RemoteAddress(), ct);
        return created is null ? Problems.Validation(errors) : Results.Created($"/api/accounts/{created.UserName}", created);
    }

    private static async Task<IResult> UnlockAsync(string userName, HttpContext http, AccountAdministration accounts, CancellationToken ct) =>
        await accounts.UnlockAsync(userName, http.Name(), http.RemoteAddress(), ct)
            ? Results.NoContent()
            : Problems.NotFound($"no account {userName}");
}

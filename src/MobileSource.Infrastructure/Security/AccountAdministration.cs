using System.Text.RegularExpressions;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Security;

public sealed record NewAccount(string? UserName, string? DisplayName, string? Role, string? Password);

/// <summary>A person's account; <see cref="Checkpoints"/> are the places a police officer covers (none: all).</summary>
public sealed record AccountView(
    string UserName, string DisplayName, string Role, DateTime CreatedAtUtc, DateTimeOffset? LockedUntil, int FailedSignIns,
    IReadOnlyList<string> Checkpoints);

/// <summary>
/// People's accounts (ASP.NET Core Identity: hashed passwords, lockout after repeated failures), one role each.
/// Every change is audited with who made it and from where.
/// </summary>
public sealed partial class AccountAdministration(UserManager<Account> users, RoleManager<IdentityRole> roles, MobileSourceDbContext db, TimeProvider clock)
{
    public async Task<(AccountView? Account, IReadOnlyList<FieldError> Errors)> CreateAsync(
        NewAccount request, string actor, string? remoteAddress, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var userName = request.UserName?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add(new FieldError("userName", Bilingual.Text("3-64 characters: letters, digits, '.', '_', '-' or '@'", "用户名为 3-64 个字符：字母、数字、“.”、“_”、“-”或“@”")));
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors.Add(new FieldError("userName", Bilingual.Text($"{userName} is taken", $"用户名 {userName} 已被使用")));
        }
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > 128)
        {
            errors.Add(new FieldError("displayName", Bilingual.Text("required, at most 128 characters: the name shown to colleagues and in the audit", "请填写姓名（最多 128 个字符），同事和审计记录中显示此名")));
        }
        if (request.Role is not { } role || !Roles.People.Contains(role))
        {
            errors.Add(new FieldError("role", Bilingual.Text($"one of {string.Join(", ", Roles.People)}", "请选择角色")));
        }
        var account = new Account
        {
            UserName = userName,
            DisplayName = displayName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
            LockoutEnabled = true,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, request.Password ?? "");
            errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await EnsureRolesAsync();
        // The role link and the audit entry go in with the account: Identity's one SaveChanges writes all three.
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = (await roles.FindByNameAsync(request.Role!))!.Id });
        Audit(actor, "account.created", userName, $"{displayName} ({request.Role})", remoteAddress);
        Check(await users.CreateAsync(account, request.Password!), userName);
        return (await FindAsync(userName, ct), []);
    }

    public async Task<List<AccountView>> ListAsync(CancellationToken ct) =>
        (await ViewsAsync(db.Users.AsNoTracking(), ct)).OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();

    public async Task<AccountView?> FindAsync(string userName, CancellationToken ct) =>
        (await ViewsAsync(db.Users.AsNoTracking().Where(a => a.UserName == userName), ct)).SingleOrDefault();

    /// <summary>Lifts a lockout before it ends (the person proved who they are by other means).</summary>
    public async Task<bool> UnlockAsync(string userName, string actor, string? remoteAddress, CancellationToken ct)
    {
        if (await users.FindByNameAsync(userName) is not { } account)
        {
            return false;
        }
        Audit(actor, "account.unlocked", userName, "lockout lifted", remoteAddress); // saved with the first change
        Check(await users.SetLockoutEndDateAsync(account, null), userName);
        Check(await users.ResetAccessFailedCountAsync(account), userName);
        return true;
    }

    /// <summary>The first admin of a new installation, from configuration; never changes an existing account.</summary>
    public async Task EnsureBootstrapAdminAsync(string userName, string password, CancellationToken ct)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }
        var (_, errors) = await CreateAsync(new NewAccount(userName, "Administrator", Roles.Admin, password), "configuration", null, ct);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Accounts:BootstrapAdmin is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
        }
    }

    /// <summary>Records a sign-in, a refused one or a lockout: who tried, when, from where.</summary>
    public async Task AuditSignInAsync(string userName, string action, string detail, string? remoteAddress, CancellationToken ct)
    {
        Audit(userName, action, userName, detail, remoteAddress);
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.People)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    /// <summary>Accounts with their one role: two queries, joined here (a correlated role lookup does not translate everywhere).</summary>
    private async Task<List<AccountView>> ViewsAsync(IQueryable<Account> accounts, CancellationToken ct)
    {
        var rows = await accounts.Select(a => new { a.Id, a.UserName, a.DisplayName, a.CreatedAtUtc, a.LockoutEnd, a.AccessFailedCount }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roleOf = (await (from link in db.UserRoles
                    join role in db.Roles on link.RoleId equals role.Id
                    where ids.Contains(link.UserId)
                    select new { link.UserId, role.Name }).ToListAsync(ct))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        var placesOf = (await db.AccountCheckpoints.Where(c => ids.Contains(c.AccountId)).ToListAsync(ct))
            .GroupBy(c => c.AccountId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Place).Order(StringComparer.Ordinal).ToList());
        return rows.Select(a => new AccountView(a.UserName!, a.DisplayName, roleOf.GetValueOrDefault(a.Id, ""), a.CreatedAtUtc,
            a.LockoutEnd, a.AccessFailedCount, placesOf.GetValueOrDefault(a.Id, []))).ToList();
    }

    private void Audit(string actor, string action, string subject, string detail, string? remoteAddress) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Subject = subject,
            Detail = detail,
            RemoteAddress = remoteAddress,
        });

    private static void Check(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{subject}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();
}

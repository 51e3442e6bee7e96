using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Security;

/// <summary>
/// The places an officer covers: their live board shows and sounds only hits there (and hits of unknown place), and
/// their quota counts checks there against the heavy vehicles seen there. An officer with none covers the whole city.
/// </summary>
public sealed class OfficerCheckpoints(MobileSourceDbContext db, UserManager<Account> users, TimeProvider clock)
{
    public const int MaxPlaces = 50;
    public const int MaxPlaceLength = 128;
    private static readonly TimeSpan RecentAlerts = TimeSpan.FromDays(90);

    public async Task<IReadOnlyList<string>> OfAccountAsync(string accountId, CancellationToken ct) =>
        await db.AccountCheckpoints.Where(c => c.AccountId == accountId).OrderBy(c => c.Place).Select(c => c.Place).ToListAsync(ct);

    /// <summary>Places an administrator can assign: every sensing site, every camera, and where alerts said in 90 days.</summary>
    public async Task<IReadOnlyList<string>> KnownPlacesAsync(CancellationToken ct)
    {
        var sites = await db.Sites.Select(s => s.SiteNo).ToListAsync(ct);
        var cameras = await db.Cameras.Where(c => c.RemovedAtUtc == null).Select(c => new { c.Id, c.Site }).ToListAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime - RecentAlerts;
        var seen = await db.Alerts.Where(a => a.CreatedAtUtc >= since && a.Location != null).Select(a => a.Location!).Distinct().ToListAsync(ct);
        return sites.Select(AlertPlaces.OfSensingSite)
            .Concat(cameras.Select(c => AlertPlaces.OfCamera(c.Id, c.Site)))
            .Concat(seen)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Replaces an officer's places; the account must be a police account.</summary>
    public async Task<(IReadOnlyList<string>? Places, IReadOnlyList<FieldError> Errors)> AssignAsync(
        string userName, IReadOnlyList<string>? places, string actor, string? remoteAddress, CancellationToken ct)
    {
        if (await users.FindByNameAsync(userName) is not { } account)
        {
            return (null, []);
        }
        var errors = new List<FieldError>();
        if (!await users.IsInRoleAsync(account, Roles.Police))
        {
            errors.Add(new("places", Bilingual.Text("only a traffic police account has checkpoints", "只有交警账户可以分配卡口")));
        }
        var cleaned = (places ?? []).Select(p => p?.Trim() ?? "").ToList();
        if (cleaned.Count > MaxPlaces)
        {
            errors.Add(new("places", Bilingual.Text($"at most {MaxPlaces} places", $"最多 {MaxPlaces} 个卡口")));
        }
        if (cleaned.Any(p => p.Length is 0 or > MaxPlaceLength))
        {
            errors.Add(new("places", Bilingual.Text($"a place is 1-{MaxPlaceLength} characters", $"卡口名称应为 1 到 {MaxPlaceLength} 个字符")));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        // Case-insensitively distinct: SQL Server compares the key without case.
        var distinct = cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        db.AccountCheckpoints.RemoveRange(await db.AccountCheckpoints.Where(c => c.AccountId == account.Id).ToListAsync(ct));
        db.AccountCheckpoints.AddRange(distinct.Select(p => new AccountCheckpoint { AccountId = account.Id, Place = p }));
        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = "account.checkpoints",
            Subject = account.UserName!,
            Detail = distinct.Count == 0 ? "all places" : string.Join("; ", distinct),
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
        return (distinct, []);
    }

    /// <summary>
    /// Officers given <paramref name="from"/> keep the place under its new name <paramref name="to"/> (a camera's site is
    /// part of its place's name). Saved with the caller's change.
    /// </summary>
    public async Task RenamePlaceAsync(string from, string to, CancellationToken ct)
    {
        if (from == to)
        {
            return;
        }
        var assigned = await db.AccountCheckpoints.Where(c => c.Place == from).ToListAsync(ct);
        var already = (await db.AccountCheckpoints.Where(c => c.Place == to).Select(c => c.AccountId).ToListAsync(ct)).ToHashSet();
        db.AccountCheckpoints.RemoveRange(assigned);
        db.AccountCheckpoints.AddRange(assigned.Where(c => !already.Contains(c.AccountId)).Select(c => new AccountCheckpoint { AccountId = c.AccountId, Place = to }));
    }

    /// <summary>The alerts an officer with <paramref name="places"/> sees; none: all of them.</summary>
    public static IQueryable<PoliceAlert> Visible(IQueryable<PoliceAlert> alerts, IReadOnlyCollection<string>? places) =>
        places is null || places.Count == 0 ? alerts : alerts.Where(a => a.Location == null || places.Contains(a.Location));
}

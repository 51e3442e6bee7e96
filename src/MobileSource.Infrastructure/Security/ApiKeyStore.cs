using System.Security.Cryptography;
using System.Text;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Security;

public sealed record IssuedApiKey(Guid Id, string Name, string Role, string Key);

public sealed record ApiKeyIdentity(Guid Id, string Name, string Role);

/// <summary>Issues and checks API keys. Keys are shown once; only their SHA-256 is stored.</summary>
public sealed class ApiKeyStore(MobileSourceDbContext db, TimeProvider clock)
{
    public async Task<IssuedApiKey> IssueAsync(string name, string role, string issuedBy, string? remoteAddress, CancellationToken ct)
    {
        var key = "msk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var row = Add(name, role, key, issuedBy);
        Audit(row.CreatedAtUtc, issuedBy, "api-key.issued", row, $"{name} ({role}), prefix {row.Prefix}", remoteAddress);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(row.Id, name, role, key);
    }

    /// <summary>
    /// Makes sure the configured bootstrap key exists, so a new installation can issue its first keys, and
    /// revokes earlier bootstrap keys: changing Auth:BootstrapApiKey must retire the old one (e.g. the demo key).
    /// </summary>
    public async Task EnsureBootstrapKeyAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var retired = await db.ApiKeys
            .Where(k => k.CreatedBy == BootstrapCreator && k.RevokedAtUtc == null && k.KeyHash != hash)
            .ToListAsync(ct);
        foreach (var old in retired)
        {
            old.RevokedAtUtc = now;
            Audit(now, BootstrapCreator, "api-key.revoked", old, "bootstrap key replaced by a new Auth:BootstrapApiKey", null);
        }
        // A key an admin revoked stays revoked even if the configuration still names it.
        if (!await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, ct))
        {
            Add("bootstrap admin", Roles.Admin, key, BootstrapCreator);
        }
        await db.SaveChangesAsync(ct);
    }

    private const string BootstrapCreator = "configuration";

    public async Task<ApiKeyIdentity?> FindAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAtUtc == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.Name, k.Role))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> RevokeAsync(Guid id, string revokedBy, string? remoteAddress, CancellationToken ct)
    {
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedAtUtc == null, ct);
        if (row is null)
        {
            return false;
        }
        row.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        Audit(row.RevokedAtUtc.Value, revokedBy, "api-key.revoked", row, $"{row.Name} ({row.Role})", remoteAddress);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Audit(DateTime atUtc, string actor, string action, ApiKey key, string detail, string? remoteAddress) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = atUtc,
            Actor = actor,
            Action = action,
            Subject = key.Id.ToString(),
            Detail = detail,
            RemoteAddress = remoteAddress,
        });

    private ApiKey Add(string name, string role, string key, string createdBy)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"role '{role}' is not one of {string.Join(", ", Roles.All)}", nameof(role));
        }
        var row = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Role = role,
            KeyHash = Hash(key),
            Prefix = key.Length > 8 ? key[..8] : key,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(row);
        return row;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

using System.Collections.Concurrent;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Auth;

/// <summary>
/// What sign-in adds to Identity so that guessing learns nothing and counts every guess:
/// attempts on one user name take turns (parallel wrong passwords would otherwise clash on the failure count and go
/// uncounted), and an unknown user name behaves as a real one does: the same password hashing work, and the same
/// lockout after the same number of wrong tries, so neither the answer nor its timing tells whether the account exists.
/// </summary>
public sealed class SignInGuard(TimeProvider clock, IOptions<AccountOptions> options, IPasswordHasher<Account> hasher)
{
    private const int Stripes = 64;
    private const int MaxUnknownNames = 100_000;
    private readonly SemaphoreSlim[] _turns = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ConcurrentDictionary<string, UnknownName> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(new Account(), Guid.NewGuid().ToString()));

    private sealed record UnknownName(int Failures, DateTimeOffset? LockedUntil);

    public async Task<IDisposable> TakeTurnAsync(string userName, CancellationToken ct)
    {
        var turn = _turns[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(userName) % Stripes)];
        await turn.WaitAsync(ct);
        return new Release(turn);
    }

    /// <summary>A wrong try on a name no account has; returns when it is "locked" until, as a real account would be.</summary>
    public (bool WasLocked, DateTimeOffset? LockedUntil) UnknownNameTried(string userName, string password)
    {
        hasher.VerifyHashedPassword(new Account(), _decoyHash.Value, password); // the work a real check does
        var now = clock.GetUtcNow();
        if (_unknown.Count > MaxUnknownNames)
        {
            _unknown.Clear(); // bounded memory; a flood of names only resets the decoy counts
        }
        var before = _unknown.GetValueOrDefault(userName);
        if (before?.LockedUntil > now)
        {
            return (true, before.LockedUntil);
        }
        var failures = (before?.LockedUntil is null ? before?.Failures ?? 0 : 0) + 1;
        var lockedUntil = failures >= options.Value.MaxFailedSignIns ? now + options.Value.LockoutFor : (DateTimeOffset?)null;
        _unknown[userName] = new UnknownName(lockedUntil is null ? failures : 0, lockedUntil);
        return (false, lockedUntil);
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}

using System.Collections.Concurrent;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MobileSource.Server.Auth;

/// <summary>
/// What sign-in adds to Identity so that guessing learns nothing and counts every guess:
/// attempts on one user name take turns (parallel wrong passwords would otherwise clash on the failure count and go
/// uncounted), and an unknown user name behaves as a real one does: the same password hashing work while it is
/// "open", none while it is "locked" (Identity checks no password on a locked account either), and the same lockout
/// after the same number of wrong tries, so neither the answer nor its timing tells whether the account exists.
/// </summary>
/// <remarks>Decoy counts live in this process: a restart forgets them, as it does not forget real lockouts.</remarks>
public sealed class SignInGuard
{
    private const int Stripes = 64;
    private const int MaxUnknownNames = 100_000;
    private readonly SemaphoreSlim[] _turns = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ConcurrentDictionary<string, UnknownName> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;
    private readonly IOptions<AccountOptions> _options;
    private readonly PasswordHasher<Account> _hasher; // Identity's is per request; the guard lives for the process
    private readonly Lazy<string> _decoyHash;

    private sealed record UnknownName(int Failures, DateTimeOffset? LockedUntil);

    public SignInGuard(TimeProvider clock, IOptions<AccountOptions> options, IOptions<PasswordHasherOptions> hashing)
    {
        _clock = clock;
        _options = options;
        _hasher = new PasswordHasher<Account>(hashing);
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(new Account(), Guid.NewGuid().ToString()));
    }

    public async Task<IDisposable> TakeTurnAsync(string userName, CancellationToken ct)
    {
        var turn = _turns[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(userName) % Stripes)];
        await turn.WaitAsync(ct);
        return new Release(turn);
    }

    /// <summary>A wrong try on a name no account has; returns until when it is "locked", as a real account would be.</summary>
    public DateTimeOffset? UnknownNameTried(string userName, string password)
    {
        var now = _clock.GetUtcNow();
        var before = _unknown.GetValueOrDefault(userName);
        if (before?.LockedUntil > now)
        {
            return before.LockedUntil;
        }
        _hasher.VerifyHashedPassword(new Account(), _decoyHash.Value, password); // the work a real check does
        if (_unknown.Count > MaxUnknownNames)
        {
            Trim(now);
        }
        var failures = (before?.LockedUntil is null ? before?.Failures ?? 0 : 0) + 1;
        var lockedUntil = failures >= _options.Value.MaxFailedSignIns ? now + _options.Value.LockoutFor : (DateTimeOffset?)null;
        _unknown[userName] = new UnknownName(lockedUntil is null ? failures : 0, lockedUntil);
        return lockedUntil;
    }

    /// <summary>Bounded memory: forgets counts and ended lockouts first; "locked" names stay locked until they end.</summary>
    private void Trim(DateTimeOffset now)
    {
        foreach (var (name, entry) in _unknown)
        {
            if (entry.LockedUntil is null || entry.LockedUntil <= now)
            {
                _unknown.TryRemove(name, out _);
            }
        }
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins lock an account <b>for the address they come from</b>: five failures from one address close that
/// account to that address for fifteen minutes (IdentityOptions.Lockout), while its owner signs in from elsewhere.
/// Locking the account itself would let any visitor who knows a name — "admin" — lock its owner out. A locked pair is
/// answered with the same message as a wrong password or an unknown name, so neither names nor locks can be probed.
/// The security administrator's unlock (and a password reset) clears every lock of the account. Kept in memory: a
/// restart forgets the locks, as it forgets the per-address rate limit.
/// </summary>
public sealed class SignInGuard(IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public const string Message = "用户名或密码错误";

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);

    private readonly ConcurrentDictionary<(string Account, string Address), Entry> _entries = new();

    private static (string, string) Key(string? account, string? address) =>
        ((account ?? "").Trim().ToUpperInvariant(), address ?? "unknown");

    public bool IsLocked(string? account, string? address) =>
        _entries.TryGetValue(Key(account, address), out var e) && e.LockedUntil is { } until && until > clock.GetUtcNow();

    public void Failed(string? account, string? address)
    {
        var lockout = identity.Value.Lockout;
        _entries.AddOrUpdate(Key(account, address), _ => new Entry(1, null), (_, e) =>
        {
            var failures = (e.LockedUntil is { } until && until <= clock.GetUtcNow() ? 0 : e.Failures) + 1;
            return failures >= lockout.MaxFailedAccessAttempts
                ? new Entry(0, clock.GetUtcNow().Add(lockout.DefaultLockoutTimeSpan))
                : new Entry(failures, null);
        });
    }

    public void Succeeded(string? account, string? address) => _entries.TryRemove(Key(account, address), out _);

    /// <summary>Clears every lock of the account, from whatever address.</summary>
    public void Unlock(string? account)
    {
        var name = Key(account, null).Item1;
        foreach (var key in _entries.Keys.Where(k => k.Account == name))
        {
            _entries.TryRemove(key, out _);
        }
    }
}

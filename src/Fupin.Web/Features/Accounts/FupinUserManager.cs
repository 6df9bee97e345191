using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Lockout on the application's <see cref="TimeProvider"/> rather than the wall clock (Identity reads
/// DateTimeOffset.UtcNow), so lockout and its expiry are testable; and disabled accounts count as locked.
/// </summary>
public sealed class FupinUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        if (user.IsDisabled)
        {
            return true;
        }
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }
        var end = await GetLockoutEndDateAsync(user);
        return end is { } e && e > clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var store = (IUserLockoutStore<AppUser>)Store;
        var count = await store.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateAsync(user);
        }
        await store.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await store.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateAsync(user);
    }
}
